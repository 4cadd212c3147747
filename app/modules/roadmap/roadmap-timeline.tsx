import { Link } from "@remix-run/react";
import { formatQuarters, quarterIndex } from "./quarters";
import { LANE_LABELS, LANES, type Lane } from "./schema";

export interface TimelineItem {
  key: string;
  title: string;
  lane: Lane;
  start_quarter?: string | null;
  end_quarter?: string | null;
  href?: string;
}

export const LANE_BAR: Record<Lane, string> = {
  now: "bg-accent-600 text-white",
  next: "bg-sky-600 text-white",
  later: "bg-zinc-300 text-zinc-800 dark:bg-zinc-600 dark:text-zinc-50",
};

const sticky = "sticky left-0 z-10 bg-white dark:bg-zinc-950";

/** Items as bars across quarter columns: a table, so it reads well aloud and needs no inline styles. */
export function RoadmapTimeline({ items, quarters, currentQuarter }: { items: ReadonlyArray<TimelineItem>; quarters: ReadonlyArray<string>; currentQuarter: string }) {
  const first = quarterIndex(quarters[0]!);
  const scheduled = items
    .filter((item): item is TimelineItem & { start_quarter: string } => Boolean(item.start_quarter))
    .sort((a, b) => quarterIndex(a.start_quarter) - quarterIndex(b.start_quarter) || LANES.indexOf(a.lane) - LANES.indexOf(b.lane));
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))].map((year) => ({ year, count: quarters.filter((q) => q.startsWith(year)).length }));
  const highlight = (quarter: string) => (quarter === currentQuarter ? "bg-accent-50/70 dark:bg-accent-600/10" : "");

  return (
    // `relative` makes this the containing block of the screen-reader-only labels in far columns,
    // which would otherwise widen the whole page on a phone.
    <div className="relative overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Roadmap items by quarter</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className={`${sticky} w-36 min-w-36 border-b sm:w-56 sm:min-w-44 border-zinc-200 px-3 py-2 text-left text-xs font-semibold dark:border-zinc-800`}>
              Item
            </th>
            {years.map(({ year, count }) => (
              <th key={year} colSpan={count} scope="colgroup" className="border-l border-zinc-200 px-2 pt-2 text-left text-xs font-semibold dark:border-zinc-800">
                {year}
              </th>
            ))}
          </tr>
          <tr>
            {quarters.map((quarter) => (
              <th
                key={quarter}
                scope="col"
                className={`min-w-20 border-b border-l border-zinc-200 px-2 pb-1.5 text-left text-xs font-medium dark:border-zinc-800 ${
                  quarter === currentQuarter ? "text-accent-600 dark:text-accent-500" : "text-zinc-500"
                } ${highlight(quarter)}`}
              >
                {quarter.slice(5)}
                <span className="sr-only"> {quarter.slice(0, 4)}</span>
                {quarter === currentQuarter ? <span className="ml-1 font-normal">· now</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scheduled.map((item) => {
            const start = quarterIndex(item.start_quarter) - first;
            const span = quarterIndex(item.end_quarter ?? item.start_quarter) - quarterIndex(item.start_quarter) + 1;
            return (
              <tr key={item.key} className="border-t border-zinc-100 dark:border-zinc-800/70">
                <th scope="row" className={`${sticky} max-w-36 px-3 py-2 text-left font-medium sm:max-w-56`}>
                  <span className="line-clamp-2 break-words" title={item.title}>
                    {item.href ? (
                      <Link to={item.href} className="hover:text-accent-600 hover:underline dark:hover:text-accent-500">
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </span>
                  <span className="block text-xs font-normal text-zinc-500">{LANE_LABELS[item.lane]}</span>
                </th>
                {quarters.slice(0, start).map((quarter) => (
                  <td key={quarter} className={`border-l border-zinc-100 dark:border-zinc-800/70 ${highlight(quarter)}`} />
                ))}
                <td colSpan={span} className="border-l border-zinc-100 px-1 py-2 dark:border-zinc-800/70">
                  <div className={`truncate rounded-md px-2 py-1 text-xs font-medium ${LANE_BAR[item.lane]}`}>{formatQuarters(item.start_quarter, item.end_quarter)}</div>
                </td>
                {quarters.slice(start + span).map((quarter) => (
                  <td key={quarter} className={`border-l border-zinc-100 dark:border-zinc-800/70 ${highlight(quarter)}`} />
                ))}
              </tr>
            );
          })}
          {scheduled.length === 0 ? (
            <tr>
              <td colSpan={quarters.length + 1} className="px-3 py-8 text-center text-sm text-zinc-500">
                No item has a quarter yet. Give items a start quarter to see them here.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

export function LaneLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Lanes">
      {LANES.map((lane) => (
        <li key={lane} className="flex items-center gap-1.5">
          <span aria-hidden="true" className={`size-2.5 rounded-sm ${LANE_BAR[lane]}`} />
          {LANE_LABELS[lane]}
        </li>
      ))}
    </ul>
  );
}

/** "Showing 100 of 1,400 scheduled items · Show more": the timeline reads a bounded number of items. */
export function TimelineMore({ shown, total, moreHref, what = "scheduled items" }: { shown: number; total?: number; moreHref?: string | null; what?: string }) {
  if (total === undefined || shown >= total) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      <span>
        Showing {shown} of {total} {what}; {total - shown} not shown.
      </span>
      {moreHref ? (
        <Link to={moreHref} preventScrollReset className="rounded-md px-2 py-1 font-medium text-accent-600 hover:bg-accent-50 dark:text-accent-500 dark:hover:bg-accent-600/10">
          Show more<span className="sr-only"> {what}</span>
        </Link>
      ) : null}
    </p>
  );
}

/** Items without quarters, listed under the timeline so none goes missing (`total` when only the first are read). */
export function UnscheduledItems({ items, total, moreHref }: { items: ReadonlyArray<TimelineItem>; total?: number; moreHref?: string | null }) {
  const unscheduled = items.filter((item) => !item.start_quarter);
  if (unscheduled.length === 0) return null;
  return (
    <section aria-labelledby="unscheduled-title" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="unscheduled-title" className="text-sm font-semibold">
        Not scheduled <span className="font-normal text-zinc-500">({total ?? unscheduled.length})</span>
      </h2>
      <ul className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {unscheduled.map((item) => (
          <li key={item.key} className="flex items-start gap-2 text-sm">
            <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-sm ${LANE_BAR[item.lane]}`} />
            <span className="min-w-0">
              {item.href ? (
                <Link to={item.href} className="hover:text-accent-600 hover:underline dark:hover:text-accent-500">
                  {item.title}
                </Link>
              ) : (
                item.title
              )}
              <span className="text-xs text-zinc-500"> · {LANE_LABELS[item.lane]}</span>
            </span>
          </li>
        ))}
      </ul>
      {total !== undefined && total > unscheduled.length ? (
        <div className="mt-3">
          <TimelineMore shown={unscheduled.length} total={total} moreHref={moreHref} what="unscheduled items" />
        </div>
      ) : null}
    </section>
  );
}
