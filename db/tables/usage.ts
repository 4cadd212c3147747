import type { ColumnType, Generated } from "kysely";

// First-party usage data (PRODUCT.md §6 promise 5): what was used, never who used it.

export type UsageKind = "page_view" | "feature" | "error";

export interface UsageEventsTable {
  id: Generated<string>;
  occurred_at: Generated<Date>;
  kind: UsageKind;
  /** A route pattern (/w/:slug/risks) for page views and errors, a dotted name (initiative.created) for features. */
  name: string;
  origin: "server" | "browser";
  workspace_id: ColumnType<string | null, string | null | undefined, string | null>;
  trace_id: ColumnType<string | null, string | null | undefined, string | null>;
  message: ColumnType<string | null, string | null | undefined, string | null>;
  ip_prefix: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsageDailyTable {
  id: Generated<string>;
  day: ColumnType<string, string, string>;
  workspace_id: string | null;
  kind: UsageKind;
  name: string;
  count: number;
}
