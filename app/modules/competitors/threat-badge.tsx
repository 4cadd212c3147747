import type { ThreatLevel } from "../../../db/schema";

const TONES: Record<ThreatLevel, { label: string; className: string; dot: string }> = {
  high: {
    label: "High threat",
    className: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-400/30",
    dot: "bg-red-500",
  },
  medium: {
    label: "Medium threat",
    className: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-400/30",
    dot: "bg-amber-500",
  },
  low: {
    label: "Low threat",
    className: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/30",
    dot: "bg-emerald-500",
  },
};

/** The level is spelt out, never told by colour alone. */
export function ThreatBadge({ level }: { level: ThreatLevel }) {
  const tone = TONES[level];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone.className}`}>
      <span aria-hidden="true" className={`size-1.5 rounded-full ${tone.dot}`} />
      {tone.label}
    </span>
  );
}
