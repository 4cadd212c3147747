import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { USAGE_PERIODS, type UsagePeriod } from "./schema";
import { startOfUtcDay } from "./usage-retention.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UsageDay {
  /** YYYY-MM-DD, UTC. */
  day: string;
  pageViews: number;
  errors: number;
}

export interface UsageReport {
  days: UsageDay[];
  topPages: { name: string; count: number }[];
  topFeatures: { name: string; count: number }[];
  recentErrors: { id: string; occurredAt: Date; name: string; origin: "server" | "browser"; traceId: string | null; message: string | null }[];
  totals: { pageViews: number; features: number; errors: number };
}

/** The period a `?days=` asks for, 30 unless it names one we offer. */
export function readUsagePeriod(url: URL): UsagePeriod {
  const asked = Number(url.searchParams.get("days"));
  return USAGE_PERIODS.find((period) => period === asked) ?? 30;
}

/**
 * A workspace's usage over the last `period` days (today included, UTC). Days already rolled up are read
 * from `usage_daily` and later days from raw events, split at the last rolled-up day: raw events of a
 * rolled-up day are still kept (90 days), so reading both would count them twice.
 */
export async function loadUsageReport(db: Database, workspaceId: string, period: UsagePeriod, now = new Date()): Promise<UsageReport> {
  const today = startOfUtcDay(now);
  const first = new Date(today.getTime() - (period - 1) * DAY_MS);
  const firstDay = first.toISOString().slice(0, 10);
  const latest = await db.selectFrom("usage_daily").select((eb) => eb.fn.max("day").as("day")).executeTakeFirst();
  const rolledThrough = latest?.day ?? null;
  const rawFrom = rolledThrough ? new Date(Math.max(first.getTime(), Date.parse(`${rolledThrough}T00:00:00Z`) + DAY_MS)) : first;

  const counts = sql`(
    select day::text as day, kind, name, count from usage_daily
    where workspace_id = ${workspaceId} and day >= ${firstDay}::date and day <= ${rolledThrough}::date
    union all
    select ((occurred_at at time zone 'UTC')::date)::text, kind, name, count(*)::int from usage_events
    where workspace_id = ${workspaceId} and occurred_at >= ${rawFrom}
    group by 1, 2, 3
  ) as counts`;

  const [perDay, topPages, topFeatures, recentErrors] = await Promise.all([
    sql<{ day: string; kind: string; count: number }>`select day, kind, sum(count)::int as count from ${counts} where kind in ('page_view', 'error') group by day, kind`.execute(db),
    top(db, counts, "page_view"),
    top(db, counts, "feature"),
    db
      .selectFrom("usage_events")
      .select(["id", "occurred_at as occurredAt", "name", "origin", "trace_id as traceId", "message"])
      .where("workspace_id", "=", workspaceId)
      .where("kind", "=", "error")
      .where("occurred_at", ">=", first)
      .orderBy("occurred_at", "desc")
      .orderBy("id", "desc")
      .limit(20)
      .execute(),
  ]);

  const days = Array.from({ length: period }, (_, index) => ({
    day: new Date(first.getTime() + index * DAY_MS).toISOString().slice(0, 10),
    pageViews: 0,
    errors: 0,
  }));
  const byDay = new Map(days.map((day) => [day.day, day]));
  for (const row of perDay.rows) {
    const day = byDay.get(row.day);
    if (day && row.kind === "page_view") day.pageViews += row.count;
    if (day && row.kind === "error") day.errors += row.count;
  }
  const featureTotal = await sql<{ count: number }>`select coalesce(sum(count), 0)::int as count from ${counts} where kind = 'feature'`.execute(db);
  return {
    days,
    topPages,
    topFeatures,
    recentErrors,
    totals: {
      pageViews: days.reduce((sum, day) => sum + day.pageViews, 0),
      features: featureTotal.rows[0]?.count ?? 0,
      errors: days.reduce((sum, day) => sum + day.errors, 0),
    },
  };
}

async function top(db: Database, counts: ReturnType<typeof sql>, kind: "page_view" | "feature") {
  const result = await sql<{ name: string; count: number }>`
    select name, sum(count)::int as count from ${counts} where kind = ${kind}
    group by name order by count desc, name limit 10`.execute(db);
  return result.rows;
}
