import type { InitiativeStatus } from "../../../db/schema";

/** An initiative's statuses in their order, and the words people see; no dependencies, so any bundle may take them. */
export const STATUSES = ["idea", "discovery", "planned", "in_progress", "shipped", "parked"] as const satisfies readonly InitiativeStatus[];

export const STATUS_LABELS: Record<InitiativeStatus, string> = {
  idea: "Idea",
  discovery: "Discovery",
  planned: "Planned",
  in_progress: "In progress",
  shipped: "Shipped",
  parked: "Parked",
};
