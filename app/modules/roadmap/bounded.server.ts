import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { RoadmapItem } from "./roadmap.server";
import { LANES, type Lane } from "./schema";

// The board, the timeline and the share page read a bounded number of items, whatever the roadmap
// holds: a lane shows its first LANE_PAGE items and "Show more" (a plain GET parameter per lane,
// `?now=100`, so it works without JavaScript) asks for more, up to SHOWN_MAX. Each read is a fixed
// number of statements; the exports (CSV, Markdown) still read every item on purpose.

export const LANE_PAGE = 50;
export const TIMELINE_PAGE = 100;
const SHOWN_MAX = 1000;

/** `?now=100` → 100; missing, malformed or out of range → the nearest sensible count. */
function shownParam(url: URL, name: string, page: number): number {
  const value = Number.parseInt(url.searchParams.get(name) ?? "", 10);
  if (!Number.isFinite(value) || value < page) return page;
  return Math.min(value, SHOWN_MAX);
}

export type LaneLimits = Record<Lane, number>;

export function laneLimits(url: URL): LaneLimits {
  return { now: shownParam(url, "now", LANE_PAGE), next: shownParam(url, "next", LANE_PAGE), later: shownParam(url, "later", LANE_PAGE) };
}

/** The same URL asking for `page` more items under `name`, or null when everything is shown. */
export function moreHref(url: URL, name: string, shown: number, total: number, page: number): string | null {
  if (shown >= total || shown >= SHOWN_MAX) return null;
  const next = new URLSearchParams(url.search);
  next.set(name, String(Math.min(shown + page, SHOWN_MAX)));
  return `${url.pathname}?${next.toString()}`;
}

const ITEM_SELECT = sql`r.id, r.title, r.description, r.lane, r.position, r.initiative_id, r.start_quarter, r.end_quarter,
  r.version, r.source, r.created_at, r.updated_at, i.title as initiative_title`;
const INITIATIVE_JOIN = sql`left join initiatives i on i.workspace_id = r.workspace_id and i.id = r.initiative_id`;

/**
 * Each lane's first items in order and how many it holds, in one statement: per lane a count and
 * an index range scan of (workspace_id, lane, position) that stops at the lane's limit.
 */
export async function listLanes(db: Database, workspaceId: string, limits: LaneLimits) {
  const wanted = sql.join(LANES.map((lane, order) => sql`(${lane}, ${limits[lane]}::int, ${order}::int)`));
  const { rows } = await sql<(RoadmapItem & { lane_key: Lane; lane_total: number }) | { lane_key: Lane; lane_total: number; id: null }>`
    select want.lane as lane_key, counted.lane_total, shown.*
    from (values ${wanted}) as want (lane, shown, ord)
    cross join lateral (select count(*)::int as lane_total from roadmap_items where workspace_id = ${workspaceId} and lane = want.lane) counted
    left join lateral (
      select ${ITEM_SELECT} from roadmap_items r ${INITIATIVE_JOIN}
      where r.workspace_id = ${workspaceId} and r.lane = want.lane order by r.position limit want.shown
    ) shown on true
    order by want.ord, shown.position`.execute(db);
  const totals = { now: 0, next: 0, later: 0 } as Record<Lane, number>;
  const items: RoadmapItem[] = [];
  for (const row of rows) {
    totals[row.lane_key] = row.lane_total;
    if (row.id !== null) {
      const { lane_key: _key, lane_total: _total, ...item } = row as RoadmapItem & { lane_key: Lane; lane_total: number };
      items.push(item);
    }
  }
  return { items, totals };
}

export interface TimelineLimits {
  scheduled: number;
  unscheduled: number;
}

export function timelineLimits(url: URL): TimelineLimits {
  return { scheduled: shownParam(url, "scheduled", TIMELINE_PAGE), unscheduled: shownParam(url, "unscheduled", TIMELINE_PAGE) };
}

/**
 * The timeline's first scheduled items (by start quarter, lane, order) and first unscheduled ones,
 * with how many of each there are: two statements whatever the roadmap holds.
 */
export async function listTimeline(db: Database, workspaceId: string, limits: TimelineLimits) {
  const laneOrder = sql`array_position(array['now', 'next', 'later']::text[], r.lane)`;
  const [shown, counts] = await Promise.all([
    sql<RoadmapItem>`
      (select ${ITEM_SELECT} from roadmap_items r ${INITIATIVE_JOIN}
        where r.workspace_id = ${workspaceId} and r.start_quarter is not null
        order by r.start_quarter, ${laneOrder}, r.position limit ${limits.scheduled})
      union all
      (select ${ITEM_SELECT} from roadmap_items r ${INITIATIVE_JOIN}
        where r.workspace_id = ${workspaceId} and r.start_quarter is null
        order by ${laneOrder}, r.position limit ${limits.unscheduled})`.execute(db),
    sql<{ scheduled: number; unscheduled: number }>`
      select count(*) filter (where start_quarter is not null)::int as scheduled, count(*) filter (where start_quarter is null)::int as unscheduled
      from roadmap_items where workspace_id = ${workspaceId}`.execute(db),
  ]);
  return { items: shown.rows, totals: counts.rows[0] ?? { scheduled: 0, unscheduled: 0 } };
}
