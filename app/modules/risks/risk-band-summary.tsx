import { severityBand, SEVERITY_BANDS, type SeverityBand } from "./severity";

const DOT: Record<SeverityBand, string> = { low: "bg-emerald-500", medium: "bg-amber-400", high: "bg-orange-500", critical: "bg-red-600" };

/** How many risks fall in each band, read off the heat map counts (no query of its own). */
export function RiskBandSummary({ counts }: { counts: number[][] }) {
  const totals: Record<SeverityBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  counts.forEach((row, l) => row.forEach((count, i) => (totals[severityBand((l + 1) * (i + 1))] += count)));
  return (
    <ul aria-label="Risks by severity band" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {[...SEVERITY_BANDS].reverse().map(({ band, label, range }) => (
        <li key={band} className="rounded-xl border border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
          <p className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
            <span className={`size-2.5 rounded-full ${DOT[band]}`} aria-hidden="true" />
            <span title={`Severity ${range}`}>{label}</span>
          </p>
          <p className="mt-1 text-xl font-semibold tabular-nums">{totals[band].toLocaleString("en")}</p>
        </li>
      ))}
    </ul>
  );
}
