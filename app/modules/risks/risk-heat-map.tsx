import { Link } from "@remix-run/react";
import type { KeyboardEvent } from "react";
import type { SeverityBand } from "./severity";
import { severityBand, SEVERITY_BANDS } from "./severity";
import { riskFilterSearch, STATUS_FILTER_OPTIONS, type RiskFilter } from "./risk-filter";
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from "./schema";

const CELL: Record<SeverityBand, string> = {
  low: "bg-emerald-100 text-emerald-950 dark:bg-emerald-500/15 dark:text-emerald-100",
  medium: "bg-amber-100 text-amber-950 dark:bg-amber-500/20 dark:text-amber-100",
  high: "bg-orange-200 text-orange-950 dark:bg-orange-500/30 dark:text-orange-50",
  critical: "bg-red-300 text-red-950 dark:bg-red-500/45 dark:text-white",
};

// Empty cells keep their band's hue, faded, so the matrix still reads as low-to-critical at a glance.
const EMPTY_CELL: Record<SeverityBand, string> = {
  low: "bg-emerald-50 text-emerald-900/60 dark:bg-emerald-500/5 dark:text-emerald-100/50",
  medium: "bg-amber-50 text-amber-900/60 dark:bg-amber-500/5 dark:text-amber-100/50",
  high: "bg-orange-50 text-orange-900/60 dark:bg-orange-500/10 dark:text-orange-100/50",
  critical: "bg-red-50 text-red-900/60 dark:bg-red-500/10 dark:text-red-100/50",
};

const SCORES = [1, 2, 3, 4, 5] as const;

function plural(count: number) {
  return `${count.toLocaleString("en")} ${count === 1 ? "risk" : "risks"}`;
}

/** Arrow keys move between cells as in a spreadsheet; Tab still walks them in reading order. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const step = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] }[event.key];
  const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-likelihood]");
  if (!step || !cell) return;
  const likelihood = Number(cell.dataset.likelihood) + step[0]!;
  const impact = Number(cell.dataset.impact) + step[1]!;
  const next = event.currentTarget.querySelector<HTMLElement>(`[data-likelihood="${likelihood}"][data-impact="${impact}"]`);
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * The 5 × 5 likelihood × impact matrix. Each cell counts the risks under the register's other
 * filters and links to the register narrowed to that cell, so it works without JavaScript.
 */
export function RiskHeatMap({ counts, filter, base }: { counts: number[][]; filter: RiskFilter; base: string }) {
  const cellFiltered = Boolean(filter.likelihood || filter.impact);
  const statusLabel = STATUS_FILTER_OPTIONS.find((o) => o.value === filter.status)!.label.toLowerCase();
  return (
    <section aria-labelledby="heat-map-title" className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="heat-map-title" className="text-sm font-semibold">
          Heat map
        </h2>
        {cellFiltered ? (
          <Link
            to={base + riskFilterSearch(filter, { likelihood: undefined, impact: undefined })}
            className="text-xs font-medium text-accent-600 hover:underline dark:text-accent-500"
            preventScrollReset
          >
            Show every cell
          </Link>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {filter.status === "all" ? "All risks" : `Risks ${statusLabel === "not closed" ? "not closed" : `that are ${statusLabel}`}`} by likelihood and
        impact. Choose a cell to filter the register.
      </p>

      <div className="mt-4 flex gap-2">
        <p className="flex w-4 shrink-0 items-center justify-center text-[11px] font-medium tracking-wide text-zinc-500 uppercase [writing-mode:vertical-rl] rotate-180 dark:text-zinc-400">
          Likelihood →
        </p>
        <div className="min-w-0 flex-1">
          <div role="group" aria-label="Risk heat map: likelihood by impact" className="grid grid-cols-[4.5rem_repeat(5,minmax(0,1fr))] gap-1" onKeyDown={moveFocus}>
            {[...SCORES].reverse().map((likelihood) => (
              <Row key={likelihood} likelihood={likelihood} counts={counts} filter={filter} base={base} />
            ))}
            <div aria-hidden="true" />
            {SCORES.map((impact) => (
              <p key={impact} aria-hidden="true" className="pt-1 text-center text-[11px] leading-tight text-zinc-500 dark:text-zinc-400">
                <span className="block font-semibold text-zinc-700 dark:text-zinc-200">{impact}</span>
                {/* Too wide for a phone's cells; the form and the detail page spell the scale out. */}
                <span className="hidden sm:inline">{IMPACT_LABELS[impact - 1]}</span>
              </p>
            ))}
          </div>
          <p className="mt-1 text-center text-[11px] font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Impact →</p>
        </div>
      </div>

      <ul aria-label="Severity bands" className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        {SEVERITY_BANDS.map(({ band, label, range }) => (
          <li key={band} className="flex items-center gap-1.5">
            <span className={`size-3 rounded-sm ${CELL[band]}`} aria-hidden="true" />
            {label} <span className="text-zinc-400 dark:text-zinc-500">{range}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Row({ likelihood, counts, filter, base }: { likelihood: number; counts: number[][]; filter: RiskFilter; base: string }) {
  return (
    <>
      <p aria-hidden="true" className="flex flex-col justify-center pr-1 text-right text-[11px] leading-tight text-zinc-500 dark:text-zinc-400">
        <span className="font-semibold text-zinc-700 dark:text-zinc-200">{likelihood}</span>
        {LIKELIHOOD_LABELS[likelihood - 1]}
      </p>
      {SCORES.map((impact) => {
        const count = counts[likelihood - 1]?.[impact - 1] ?? 0;
        const severity = likelihood * impact;
        const band = severityBand(severity);
        const active =
          Boolean(filter.likelihood || filter.impact) &&
          (!filter.likelihood || filter.likelihood === likelihood) &&
          (!filter.impact || filter.impact === impact);
        return (
          <Link
            key={impact}
            to={base + riskFilterSearch(filter, { likelihood, impact })}
            preventScrollReset
            data-likelihood={likelihood}
            data-impact={impact}
            aria-current={active ? "true" : undefined}
            aria-label={`Likelihood ${likelihood}, impact ${impact}: ${plural(count)} (severity ${severity}, ${band})`}
            className={`relative flex aspect-square items-center justify-center rounded-md text-base tabular-nums transition hover:brightness-95 focus-visible:z-10 sm:text-lg dark:hover:brightness-125 ${
              count === 0 ? `font-normal ${EMPTY_CELL[band]}` : `font-semibold ${CELL[band]}`
            } ${active ? "z-10 ring-2 ring-zinc-900 ring-offset-2 ring-offset-white dark:ring-white dark:ring-offset-zinc-950" : ""}`}
          >
            {count.toLocaleString("en")}
            <span aria-hidden="true" className="absolute top-0.5 left-1 text-[9px] font-medium opacity-60">
              {severity}
            </span>
          </Link>
        );
      })}
    </>
  );
}
