import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AiAction } from "~/ai/components/ai-action";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Time } from "~/components/dates";
import { buttonClass } from "~/components/ui/button";
import { getCurrentVision } from "~/modules/vision/vision.server";
import { VisionDocument } from "~/modules/vision/vision-document";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Vision · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const vision = await getCurrentVision(context.db, workspace.id);
  return { slug: workspace.slug, vision, canEdit: atLeast(role, "editor") };
}

export default function VisionPage() {
  const { slug, vision, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/vision`;
  return (
    <>
      <PageHeader
        title="Vision"
        description="Where the product is going, and the principles that keep the team on course."
        actions={
          vision ? (
            <div className="flex flex-wrap gap-2">
              <Link to={`${base}/history`} className={buttonClass("secondary")}>
                History
              </Link>
              {canEdit ? (
                <>
                  <AiAction
                    label="Critique with AI"
                    load={() => import("~/ai/agents/drafting/vision-critic-panel.client")}
                    props={{
                      slug,
                      vision: {
                        number: vision.number,
                        statement: vision.statement,
                        mission: vision.mission,
                        target_customers: vision.target_customers,
                        principles: vision.principles,
                        north_star_metric: vision.north_star_metric,
                      },
                    }}
                  />
                  <Link to={`${base}/edit`} className={buttonClass("primary")}>
                    Edit vision
                  </Link>
                </>
              ) : null}
            </div>
          ) : null
        }
      />
      {vision ? (
        <VisionDocument
          vision={vision}
          footer={
            <>
              Version {vision.number}, saved by {vision.author_name ?? "a former member"} on <Time value={vision.created_at} show="date-time" />.{" "}
              {vision.number > 1 ? (
                <Link to={`${base}/history?from=${vision.number - 1}&to=${vision.number}`} className="text-accent-600 hover:underline dark:text-accent-500">
                  See what changed
                </Link>
              ) : null}
            </>
          }
        />
      ) : (
        <EmptyState
          title="No vision yet"
          action={
            canEdit ? (
              <Link to={`${base}/edit`} className={buttonClass("primary")}>
                Write the vision
              </Link>
            ) : null
          }
        >
          A short vision statement, a mission, the customers you serve, your product principles and the one metric that tells you it is working.
          Every save is kept as a version.
        </EmptyState>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
