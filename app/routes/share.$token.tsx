import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Logo } from "~/components/logo";
import { quarterOf, timelineQuarters } from "~/modules/roadmap/quarters";
import { RoadmapCardDetails } from "~/modules/roadmap/roadmap-card-details";
import { laneLimits, LANE_PAGE, moreHref, timelineLimits, TIMELINE_PAGE } from "~/modules/roadmap/bounded.server";
import { LaneLegend, RoadmapTimeline, TimelineMore, UnscheduledItems } from "~/modules/roadmap/roadmap-timeline";
import { LANE_DESCRIPTIONS, LANE_LABELS, LANES } from "~/modules/roadmap/schema";
import { findSharedRoadmap } from "~/modules/roadmap/shares.server";
import { notFound } from "~/services/errors.server";

// A shared roadmap is for the people it was sent to, not for search engines or caches: a revoked
// link must stop working everywhere at once.
export const headers: HeadersFunction = () => ({ "X-Robots-Tag": "noindex, nofollow", "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workspaceName} roadmap` : "Shared roadmap" },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const limits = { lanes: laneLimits(url), timeline: timelineLimits(url) };
  const shared = await findSharedRoadmap(context.db, params.token ?? "", limits);
  if (!shared) throw notFound("This shared roadmap");
  const today = new Date();
  const timeline = shared.timeline;
  return {
    workspaceName: shared.workspaceName,
    items: shared.items,
    lanes: Object.fromEntries(
      LANES.map((lane) => [lane, { total: shared.laneTotals[lane], moreHref: moreHref(url, lane, limits.lanes[lane], shared.laneTotals[lane], LANE_PAGE) }]),
    ) as Record<(typeof LANES)[number], { total: number; moreHref: string | null }>,
    timeline: timeline
      ? {
          items: timeline.items,
          quarters: timelineQuarters(timeline.items.map((i) => ({ start_quarter: i.start_quarter ?? null, end_quarter: i.end_quarter ?? null })), today),
          currentQuarter: quarterOf(today),
          scheduled: { total: timeline.totals.scheduled, moreHref: moreHref(url, "scheduled", limits.timeline.scheduled, timeline.totals.scheduled, TIMELINE_PAGE) },
          unscheduled: { total: timeline.totals.unscheduled, moreHref: moreHref(url, "unscheduled", limits.timeline.unscheduled, timeline.totals.unscheduled, TIMELINE_PAGE) },
        }
      : null,
  };
}

export default function SharedRoadmapPage() {
  const { workspaceName, items, lanes, timeline } = useLoaderData<typeof loader>();
  const timelineItems = (timeline?.items ?? []).map((item, index) => ({ ...item, key: String(index) }));
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4 border-b border-zinc-200 pb-5 dark:border-zinc-800">
        <div>
          <p className="text-sm text-zinc-500">Shared roadmap · read-only</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{workspaceName}</h1>
        </div>
        <p className="flex items-center gap-2 text-xs text-zinc-500">
          <Logo className="size-5" /> Made with Bearing
        </p>
      </header>

      <section aria-labelledby="lanes-title" className="mt-8">
        <h2 id="lanes-title" className="sr-only">
          Lanes
        </h2>
        <div className="grid items-start gap-4 md:grid-cols-3">
          {LANES.map((lane) => {
            const laneItems = items.filter((item) => item.lane === lane);
            return (
              <section key={lane} aria-labelledby={`shared-${lane}`} className="rounded-xl border border-zinc-200 bg-zinc-50/70 p-3 dark:border-zinc-800 dark:bg-zinc-900/40">
                <header className="mb-3 px-1">
                  <h3 id={`shared-${lane}`} className="flex items-center gap-2 text-sm font-semibold">
                    {LANE_LABELS[lane]}
                    <span className="rounded-full bg-zinc-200 px-1.5 text-xs font-medium text-zinc-600 tabular-nums dark:bg-zinc-800 dark:text-zinc-400">{lanes[lane].total}</span>
                  </h3>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">{LANE_DESCRIPTIONS[lane]}</p>
                </header>
                {laneItems.length === 0 ? (
                  <p className="rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700">Nothing here yet.</p>
                ) : (
                  <ol className="space-y-2">
                    {laneItems.map((item, index) => (
                      <li key={index} className="rounded-lg border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
                        <p className="font-medium break-words">{item.title}</p>
                        <RoadmapCardDetails item={item} />
                      </li>
                    ))}
                  </ol>
                )}
                {lanes[lane].moreHref ? (
                  <p className="mt-3 flex items-center justify-between gap-2 px-1 text-xs text-zinc-500 dark:text-zinc-400">
                    <span>
                      Showing {laneItems.length} of {lanes[lane].total}
                    </span>
                    <Link to={lanes[lane].moreHref!} preventScrollReset className="rounded-md px-2 py-1 font-medium text-accent-600 hover:bg-accent-50 dark:text-accent-500 dark:hover:bg-accent-600/10">
                      Show more<span className="sr-only"> in {LANE_LABELS[lane]}</span>
                    </Link>
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
      </section>

      {timeline ? (
        <section aria-labelledby="timeline-title" className="mt-10 space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="timeline-title" className="text-lg font-semibold">
              Timeline
            </h2>
            <LaneLegend />
          </div>
          <div className="space-y-4">
            <RoadmapTimeline items={timelineItems} quarters={timeline.quarters} currentQuarter={timeline.currentQuarter} />
            <TimelineMore shown={timelineItems.filter((item) => item.start_quarter).length} {...timeline.scheduled} />
            <UnscheduledItems items={timelineItems} {...timeline.unscheduled} />
          </div>
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
