/**
 * Usage charts as server-rendered SVG: no chart library, no script, no inline style (the CSP forbids
 * it). Sizes are SVG presentation attributes, colours Tailwind classes, so both themes apply. Every chart
 * says what it shows in words (role="img" with a title) and lists its numbers beside it.
 */

import { formatDate } from "~/components/dates";

const BAR_AREA = 100;

export interface DailyValue {
  day: string;
  value: number;
}

/** One bar per day, the first and last day labelled under it, and the day-by-day numbers to unfold. */
export function DailyBarChart({ title, unit, values, tone = "accent" }: { title: string; unit: string; values: readonly DailyValue[]; tone?: "accent" | "danger" }) {
  const max = Math.max(1, ...values.map((entry) => entry.value));
  const total = values.reduce((sum, entry) => sum + entry.value, 0);
  const busiest = values.reduce<DailyValue | null>((best, entry) => (entry.value > (best?.value ?? 0) ? entry : best), null);
  const first = values[0] ? formatDate(values[0].day) : "";
  const last = values.length ? formatDate(values.at(-1)!.day) : "";
  const summary = `${title}: ${total} ${unit} from ${first} to ${last}${busiest ? `, most on ${formatDate(busiest.day)} (${busiest.value})` : ""}.`;
  const barClass = tone === "danger" ? "fill-red-600 dark:fill-red-400" : "fill-accent-600 dark:fill-accent-500";
  const width = values.length * 10;
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${BAR_AREA}`} preserveAspectRatio="none" className="h-36 w-full rounded-md bg-zinc-50 dark:bg-zinc-900">
        <title>{summary}</title>
        {values.map((entry, index) => {
          const height = (entry.value / max) * (BAR_AREA - 4);
          return (
            <rect key={entry.day} x={index * 10 + 1.5} y={BAR_AREA - height} width={7} height={height} className={barClass}>
              <title>{`${formatDate(entry.day)}: ${entry.value}`}</title>
            </rect>
          );
        })}
        <line x1={0} x2={width} y1={BAR_AREA - 0.5} y2={BAR_AREA - 0.5} className="stroke-zinc-300 dark:stroke-zinc-700" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      </svg>
      <div className="flex justify-between text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">
        <span>{first}</span>
        <span>{last}</span>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">The numbers, day by day</summary>
        <table className="mt-2 w-full max-w-xs text-left">
          <thead>
            <tr className="text-zinc-500 dark:text-zinc-400">
              <th scope="col" className="py-1 font-medium">
                Day
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {unit[0]!.toUpperCase() + unit.slice(1)}
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((entry) => (
              <tr key={entry.day} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1 tabular-nums">{formatDate(entry.day)}</td>
                <td className="py-1 text-right tabular-nums">{entry.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A ranked list whose bars are drawn to scale beside each number. */
export function RankedBars({ title, entries, empty }: { title: string; entries: readonly { name: string; count: number }[]; empty: string }) {
  const max = Math.max(1, ...entries.map((entry) => entry.count));
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-medium">{title}</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ol className="space-y-2">
          {entries.map((entry) => (
            <li key={entry.name} className="text-sm">
              <div className="flex justify-between gap-3">
                <code className="truncate">{entry.name}</code>
                <span className="tabular-nums">{entry.count}</span>
              </div>
              <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="mt-1 h-1.5 w-full rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
                <rect width={(entry.count / max) * 100} height={4} className="fill-accent-600 dark:fill-accent-500" />
              </svg>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
