import type { RiskStatus } from "../../../db/schema";
import { RISK_SOURCES, RISK_STATUSES, STATUS_LABELS, type RiskSource } from "./schema";

/**
 * The register's filters live in the URL (a GET form), so a filtered view can be bookmarked and
 * shared, and the heat map's cells are plain links. Anything malformed is ignored, never an error.
 */

/** Rows per register page: enough to scan, few enough that 20,000 risks stay quick. */
export const REGISTER_PAGE_SIZE = 50;

/** "active" (everything but closed) is the default: what a team still has to worry about. */
export type StatusFilter = RiskStatus | "active" | "all";

export interface RiskFilter {
  status: StatusFilter;
  category?: string;
  /** A member's user id, or "none" for risks nobody owns. */
  owner?: string;
  source?: RiskSource;
  q?: string;
  likelihood?: number;
  impact?: number;
  page: number;
}

export const STATUS_FILTER_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: "active", label: "Not closed" },
  ...RISK_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
  { value: "all", label: "Any status" },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function score(value: string | null): number | undefined {
  return value && /^[1-5]$/.test(value) ? Number(value) : undefined;
}

function text(value: string | null, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

export function parseRiskFilter(params: URLSearchParams): RiskFilter {
  const status = params.get("status");
  const owner = params.get("owner");
  const source = params.get("source");
  const page = Number(params.get("page"));
  return {
    status: STATUS_FILTER_OPTIONS.some((o) => o.value === status) ? (status as StatusFilter) : "active",
    category: text(params.get("category"), 60),
    owner: owner === "none" || (owner && UUID.test(owner)) ? owner : undefined,
    source: RISK_SOURCES.find((s) => s === source),
    q: text(params.get("q"), 200),
    likelihood: score(params.get("likelihood")),
    impact: score(params.get("impact")),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string for `filter` with `changes` applied; defaults are left out to keep links short. */
export function riskFilterSearch(filter: RiskFilter, changes: Partial<RiskFilter> = {}): string {
  const next = { ...filter, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.status !== "active") params.set("status", next.status);
  if (next.category) params.set("category", next.category);
  if (next.owner) params.set("owner", next.owner);
  if (next.source) params.set("source", next.source);
  if (next.q) params.set("q", next.q);
  if (next.likelihood) params.set("likelihood", String(next.likelihood));
  if (next.impact) params.set("impact", String(next.impact));
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** True when anything narrows the register beyond the default view. */
export function isFiltered(filter: RiskFilter): boolean {
  return riskFilterSearch(filter) !== "";
}
