import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { quarterOf, timelineQuarters } from "~/modules/roadmap/quarters";
import { LaneLegend, RoadmapTimeline, TimelineMore, UnscheduledItems } from "~/modules/roadmap/roadmap-timeline";
import { RoadmapTabs } from "~/modules/roadmap/roadmap-tabs";
import { listTimeline, moreHref, timelineLimits, TIMELINE_PAGE } from "~/modules/roadmap/bounded.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Roadmap timeline · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const url = new URL(request.url);
  const limits = timelineLimits(url);
  const { items, totals } = await listTimeline(context.db, workspace.id, limits);
  const today = new Date();
  return {
    scheduled: { total: totals.scheduled, moreHref: moreHref(url, "scheduled", limits.scheduled, totals.scheduled, TIMELINE_PAGE) },
    unscheduled: { total: totals.unscheduled, moreHref: moreHref(url, "unscheduled", limits.unscheduled, totals.unscheduled, TIMELINE_PAGE) },
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
  const { slug, canEdit, quarters, currentQuarter, items, scheduled, unscheduled } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Roadmap" description="When each item is planned, quarter by quarter." />
      <RoadmapTabs slug={slug} canShare={canEdit} />
      <div className="space-y-4 p-4 sm:p-8 sm:pt-4">
        <LaneLegend />
        <div className="space-y-4">
          <RoadmapTimeline items={items} quarters={quarters} currentQuarter={currentQuarter} />
          <TimelineMore shown={items.filter((item) => item.start_quarter).length} {...scheduled} />
          <UnscheduledItems items={items} {...unscheduled} />
        </div>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
