import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { Time } from "~/components/dates";
import { Button, buttonClass } from "~/components/ui/button";
import { VISION_FIELDS } from "~/modules/vision/schema";
import { getCurrentVision, requireVisionVersion } from "~/modules/vision/vision.server";
import { VisionDocument } from "~/modules/vision/vision-document";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Vision, version ${data.version.number} · Bearing` : "Vision · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const number = /^\d{1,9}$/.test(params.number ?? "") ? Number(params.number) : NaN;
  const version = await requireVisionVersion(context.db, workspace.id, number);
  const latest = (await getCurrentVision(context.db, workspace.id))?.number ?? version.number;
  return { slug: workspace.slug, version, latest, canEdit: atLeast(role, "editor") };
}

export default function VisionVersionPage() {
  const { slug, version, latest, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/vision`;
  const isLatest = version.number === latest;
  return (
    <>
      <PageHeader
        title={`Vision, version ${version.number}`}
        description={
          <>
            {isLatest ? "The current version" : `Version ${latest} is the current one`}, saved by {version.author_name ?? "a former member"} on{" "}
            <Time value={version.created_at} show="date-time" />.
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <Link to={`${base}/history`} className={buttonClass("secondary")}>
              All versions
            </Link>
            {!isLatest ? (
              <Link to={`${base}/history?from=${version.number}&to=${latest}`} className={buttonClass("secondary")}>
                Compare with current
              </Link>
            ) : null}
            {canEdit && !isLatest ? (
              // Restoring is one more save: the old text becomes the newest version, the history stays whole.
              <Form method="post" action={`${base}/edit`}>
                {VISION_FIELDS.map((field) => (
                  <input key={field.name} type="hidden" name={field.name} value={version[field.name]} />
                ))}
                <input type="hidden" name="version" value={latest} />
                <Button>Restore as version {latest + 1}</Button>
              </Form>
            ) : null}
          </div>
        }
      />
      <VisionDocument vision={version} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
