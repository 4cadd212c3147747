import type { InitiativeStatus } from "../../../db/schema";
import { STATUS_LABELS } from "./schema";

const STATUS_TONES: Record<InitiativeStatus, string> = {
  idea: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  discovery: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900",
  planned: "bg-accent-50 text-accent-700 ring-indigo-200 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-900",
  in_progress: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  shipped: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
  parked: "bg-stone-100 text-stone-600 ring-stone-200 dark:bg-stone-900 dark:text-stone-400 dark:ring-stone-800",
};

export function StatusBadge({ status }: { status: InitiativeStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${STATUS_TONES[status]}`}>
      {STATUS_LABELS[status]}
    </span>
  );
}
