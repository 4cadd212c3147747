import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { quarterOf, timelineQuarters } from "~/modules/roadmap/quarters";
import { LaneLegend, RoadmapTimeline, UnscheduledItems } from "~/modules/roadmap/roadmap-timeline";
import { RoadmapTabs } from "~/modules/roadmap/roadmap-tabs";
import { listRoadmapItems } from "~/modules/roadmap/roadmap.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Roadmap timeline · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const items = await listRoadmapItems(context.db, workspace.id);
  const today = new Date();
  return {
    slug: workspace.slug,
    canEdit: atLeast(role, "editor"),
    quarters: timelineQuarters(items, today),
    currentQuarter: quarterOf(today),
    items: items.map((item) => ({
      key: item.id,
      title: item.title,
      lane: item.lane,
      start_quarter: item.start_quarter,
      end_quarter: item.end_quarter,
      href: `/w/${workspace.slug}/roadmap/${item.id}`,
    })),
  };
}

export default function RoadmapTimelinePage() {
  const { slug, canEdit, quarters, currentQuarter, items } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Roadmap" description="When each item is planned, quarter by quarter." />
      <RoadmapTabs slug={slug} canShare={canEdit} />
      <div className="space-y-4 p-4 sm:p-8 sm:pt-4">
        <LaneLegend />
        <div className="space-y-4">
          <RoadmapTimeline items={items} quarters={quarters} currentQuarter={currentQuarter} />
          <UnscheduledItems items={items} />
        </div>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
