// The floor: a plain Node `http` server that answers each benchmarked route with one bare `pg`
// query reading the rows the real page shows, as JSON. No framework, no session, no rendering —
// the fastest these rows can be served from this database, to compare the app against.
import { createServer, type Server } from "node:http";
import type { Pool } from "pg";
import { searchStatement } from "../app/modules/search/search.server";
import type { Database } from "../db/database";

type FloorQuery = (workspaceId: string, url: URL) => { text: string; values: unknown[] };

// Dashboard: the four panels of app/modules/dashboard/dashboard.server.ts, in one statement.
const DASHBOARD = `select
  (select coalesce(json_agg(x), '[]') from (
    select r.id, r.title, r.start_quarter, r.end_quarter, i.id as initiative_id, i.title as initiative_title, i.status as initiative_status
    from roadmap_items r left join initiatives i on i.workspace_id = r.workspace_id and i.id = r.initiative_id
    where r.workspace_id = $1 and r.lane = 'now' order by r.position limit 9) x) as now_lane,
  (select coalesce(json_agg(x), '[]') from (
    select k.id, k.title, k.likelihood, k.impact, k.severity, k.category, k.due_date, u.name as owner_name
    from risks k left join users u on u.id = k.owner_id
    where k.workspace_id = $1 and k.status = 'open' order by k.severity desc, k.due_date asc nulls last, k.id limit 5) x) as risks,
  (select coalesce(json_agg(x), '[]') from (
    select id, title, meeting_date, created_at, cardinality(attendees) as attendee_count,
      jsonb_array_length(action_items) as action_item_count, jsonb_array_length(decisions) as decision_count
    from transcripts where workspace_id = $1 order by coalesce(meeting_date, created_at::date) desc, created_at desc limit 5) x) as transcripts,
  (select coalesce(json_agg(x), '[]') from (
    select e.id, e.action, e.entity_type, e.entity_id, e.entity_title, e.created_at, u.name as actor_name
    from activity_events e left join users u on u.id = e.actor_id
    where e.workspace_id = $1 order by e.id desc limit 10) x) as activity`;

// Roadmap: each lane's first 50 items with its initiative's title, and each lane's count
// (app/modules/roadmap/bounded.server.ts listLanes, the rows the board shows).
const ROADMAP = `select want.lane as lane_key, counted.lane_total, shown.*
  from (values ('now', 1), ('next', 2), ('later', 3)) as want (lane, ord)
  cross join lateral (select count(*)::int as lane_total from roadmap_items where workspace_id = $1 and lane = want.lane) counted
  left join lateral (
    select r.id, r.title, r.description, r.lane, r.position, i.title as initiative_title, r.start_quarter, r.end_quarter
    from roadmap_items r left join initiatives i on i.workspace_id = r.workspace_id and i.id = r.initiative_id
    where r.workspace_id = $1 and r.lane = want.lane order by r.position limit 50) shown on true
  order by want.ord, shown.position`;

// Initiatives: the list's first page of 50 by RICE score (the stored generated column and its
// index), with the owner's name and the total.
const INITIATIVES = `select i.*, u.name as owner_name, (select count(*) from initiatives where workspace_id = $1) as total
  from initiatives i left join users u on u.id = i.owner_id
  where i.workspace_id = $1
  order by i.rice_score desc nulls last, i.id
  limit 50`;

export function floorQueries(db: Database): Record<string, FloorQuery> {
  return {
    dashboard: (workspaceId) => ({ text: DASHBOARD, values: [workspaceId] }),
    roadmap: (workspaceId) => ({ text: ROADMAP, values: [workspaceId] }),
    initiatives: (workspaceId) => ({ text: INITIATIVES, values: [workspaceId] }),
    // The app's own search statement, compiled to SQL once per request and run bare.
    search: (workspaceId, url) => {
      const compiled = searchStatement(workspaceId, url.searchParams.get("q") ?? "").compile(db);
      return { text: compiled.sql, values: [...compiled.parameters] };
    },
  };
}

/** `/w/<slug>`, `/w/<slug>/roadmap`, … → which query, for which workspace. */
function route(path: string): { slug: string; name: string } | null {
  const match = /^\/w\/([^/]+)(?:\/(roadmap|initiatives|search))?\/?$/.exec(path);
  return match ? { slug: match[1]!, name: match[2] ?? "dashboard" } : null;
}

export function startFloorServer(pool: Pool, db: Database, workspaceIds: ReadonlyMap<string, string>, port: number): Promise<Server> {
  const queries = floorQueries(db);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://floor");
    const target = route(url.pathname);
    const workspaceId = target && workspaceIds.get(target.slug);
    const query = target && queries[target.name];
    if (!workspaceId || !query) {
      res.writeHead(404).end();
      return;
    }
    try {
      const { rows } = await pool.query(query(workspaceId, url));
      const body = JSON.stringify(rows);
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  });
  return new Promise((resolve, reject) => server.listen(port, "127.0.0.1", () => resolve(server)).on("error", reject));
}
