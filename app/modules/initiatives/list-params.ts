import type { InitiativeStatus } from "../../../db/schema";
import { STATUSES } from "./schema";

/**
 * The list's sort, filters, search and page, read from the query string: a GET form sets them, so
 * they work without JavaScript and every view of the list is a link someone can share. Values that
 * make no sense are ignored rather than refused: an old bookmark still opens the list.
 */

export const SORTS = {
  score: { label: "Score", dir: "desc" },
  title: { label: "Title", dir: "asc" },
  status: { label: "Status", dir: "asc" },
  quarter: { label: "Target quarter", dir: "asc" },
  updated: { label: "Last updated", dir: "desc" },
  relevance: { label: "Best match", dir: "desc" },
} as const;
export type Sort = keyof typeof SORTS;
export type Direction = "asc" | "desc";

export const PAGE_SIZE = 50;

export interface ListParams {
  q?: string;
  status?: InitiativeStatus;
  /** A member's id, or "none" for initiatives without an owner. */
  owner?: string;
  tag?: string;
  persona?: string;
  quarter?: string;
  sort: Sort;
  dir: Direction;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUARTER = /^\d{4}-Q[1-4]$/;

export function parseListParams(search: URLSearchParams): ListParams {
  const text = (name: string, max = 200) => {
    const value = search.get(name)?.trim();
    return value && value.length <= max ? value : undefined;
  };
  const q = text("q");
  const status = STATUSES.find((s) => s === search.get("status"));
  const owner = text("owner");
  const persona = text("persona");
  const quarter = text("quarter");
  const requested = search.get("sort");
  const sort: Sort = requested && requested in SORTS && (requested !== "relevance" || q) ? (requested as Sort) : q ? "relevance" : "score";
  const dir = search.get("dir");
  const page = Number(search.get("page"));
  return {
    q,
    status,
    owner: owner && (owner === "none" || UUID.test(owner)) ? owner : undefined,
    tag: text("tag", 40)?.toLowerCase(),
    persona: persona && UUID.test(persona) ? persona : undefined,
    quarter: quarter && QUARTER.test(quarter) ? quarter : undefined,
    sort,
    dir: dir === "asc" || dir === "desc" ? dir : SORTS[sort].dir,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The query string for these params with some changed; defaults are left out to keep links short. */
export function listSearch(params: ListParams, changes: Partial<ListParams> = {}): string {
  const next = { ...params, ...changes };
  const search = new URLSearchParams();
  for (const name of ["q", "status", "owner", "tag", "persona", "quarter"] as const) {
    const value = next[name];
    if (value) search.set(name, value);
  }
  const defaultSort = next.q ? "relevance" : "score";
  if (next.sort !== defaultSort) search.set("sort", next.sort);
  if (next.dir !== SORTS[next.sort].dir) search.set("dir", next.dir);
  if (next.page > 1) search.set("page", String(next.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(params: ListParams): boolean {
  return Boolean(params.q || params.status || params.owner || params.tag || params.persona || params.quarter);
}
