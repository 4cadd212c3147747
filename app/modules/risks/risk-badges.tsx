import type { RiskStatus } from "../../../db/schema";
import { STATUS_LABELS, SOURCE_LABELS } from "./schema";
import { bandLabel, severityBand, type SeverityBand } from "./severity";

const pill = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap";

/** Badge colours per band. The band is always written out too: colour is never the only cue. */
const BAND_BADGE: Record<SeverityBand, string> = {
  low: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-300",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-300",
  high: "bg-orange-200 text-orange-950 dark:bg-orange-500/20 dark:text-orange-200",
  critical: "bg-red-600 text-white dark:bg-red-500/80",
};

export function SeverityBadge({ severity }: { severity: number }) {
  return (
    <span className={`${pill} ${BAND_BADGE[severityBand(severity)]}`} title={`Severity ${severity} of 25`}>
      <span className="tabular-nums">{severity}</span>
      <span aria-hidden="true">·</span>
      {bandLabel(severity)}
    </span>
  );
}

const STATUS_DOT: Record<RiskStatus, string> = {
  open: "bg-red-500",
  mitigating: "bg-sky-500",
  accepted: "bg-zinc-400",
  closed: "bg-emerald-500",
};

export function StatusBadge({ status }: { status: RiskStatus }) {
  return (
    <span className={`${pill} border border-zinc-200 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300`}>
      <span className={`size-1.5 rounded-full ${STATUS_DOT[status]}`} aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}

const SOURCE_STYLE: Record<string, string> = {
  manual: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  ai: "bg-accent-50 text-accent-700 dark:bg-accent-500/20 dark:text-indigo-200",
  transcript: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
};

/** `labelled`: says "Source:" to screen readers, for places where nothing else says what the badge is. */
export function SourceBadge({ source, labelled = true }: { source: string; labelled?: boolean }) {
  return (
    <span className={`${pill} ${SOURCE_STYLE[source] ?? SOURCE_STYLE.manual}`}>
      {labelled ? <span className="sr-only">Source: </span> : null}
      {SOURCE_LABELS[source] ?? source}
    </span>
  );
}

export function OverdueFlag() {
  return <span className={`${pill} bg-red-50 text-red-700 ring-1 ring-red-600/30 ring-inset dark:bg-red-500/10 dark:text-red-300`}>Overdue</span>;
}
