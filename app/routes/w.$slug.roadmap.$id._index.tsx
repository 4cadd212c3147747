import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { PageHeader } from "~/components/app-shell";
import { EditDeleteActions } from "~/components/confirm-delete";
import { formatQuarters } from "~/modules/roadmap/quarters";
import { deleteRoadmapItem, requireRoadmapItem } from "~/modules/roadmap/roadmap.server";
import { LANE_BAR } from "~/modules/roadmap/roadmap-timeline";
import { LANE_DESCRIPTIONS, LANE_LABELS } from "~/modules/roadmap/schema";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { deleteIntent, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.item.title} · Roadmap · Bearing` : "Roadmap item · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const item = await requireRoadmapItem(context.db, workspace.id, requireId(params.id, "This roadmap item"));
  return { slug: workspace.slug, item, canEdit: atLeast(role, "editor") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  // Another workspace's id answers 404 whatever the form says.
  const item = await requireRoadmapItem(context.db, workspace.id, requireId(params.id, "This roadmap item"));
  parseIntent(await request.formData(), deleteIntent, "This page only knows how to delete.");
  await deleteRoadmapItem(context.db, workspace.id, user.id, item.id);
  throw redirect(`/w/${workspace.slug}/roadmap`);
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-semibold">{label}</dt>
      <dd className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{children}</dd>
    </div>
  );
}

const none = <span className="text-zinc-400">—</span>;

export default function RoadmapItemPage() {
  const { slug, item, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={item.title}
        description={
          <span className="inline-flex items-center gap-2">
            <span aria-hidden="true" className={`size-2.5 rounded-sm ${LANE_BAR[item.lane]}`} />
            {LANE_LABELS[item.lane]} · {LANE_DESCRIPTIONS[item.lane].toLowerCase()}
          </span>
        }
        actions={
          canEdit ? <EditDeleteActions what={item.title} /> : null
        }
      />
      <div className="max-w-3xl space-y-6 p-4 sm:p-8">
        <dl className="grid gap-5 sm:grid-cols-3">
          <Detail label="Lane">{LANE_LABELS[item.lane]}</Detail>
          <Detail label="Quarters">{formatQuarters(item.start_quarter, item.end_quarter) ?? none}</Detail>
          <Detail label="Linked initiative">
            {item.initiative_id && item.initiative_title ? (
              <Link to={`/w/${slug}/initiatives/${item.initiative_id}`} className="text-accent-600 hover:underline dark:text-accent-500">
                {item.initiative_title}
              </Link>
            ) : (
              none
            )}
          </Detail>
        </dl>
        <dl>
          <Detail label="Description">
            <span className="whitespace-pre-wrap">{item.description || none}</span>
          </Detail>
        </dl>
        <p className="text-xs text-zinc-500">
          <Link to={`/w/${slug}/roadmap#item-${item.id}`} className="hover:underline">
            ← Back to the roadmap
          </Link>
        </p>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
