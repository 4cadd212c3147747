import { sql } from "kysely";
import type { Database } from "../../../db/database";

/** Raw usage events are kept this many whole days; daily counts are kept after that (docs/decisions/013). */
const RAW_USAGE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day `now` falls in. */
export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Rolls every whole day before today (UTC) that still has raw events into `usage_daily`, then deletes raw
 * events older than 90 days. A day's counts are recomputed from all its events and replace what was there,
 * so running twice (or after a crash between the two steps) gives the same counts. Purging works in whole
 * days, so a day is never left half-purged and later recomputed short. Scheduled by the retention job.
 *
 * `rolledUp` counts the daily rows written (day × workspace × kind × name); `purged` the raw events deleted.
 */
export async function rollUpAndPurgeUsage(db: Database, now = new Date()): Promise<{ rolledUp: number; purged: number }> {
  const today = startOfUtcDay(now);
  const purgeBefore = new Date(today.getTime() - RAW_USAGE_DAYS * DAY_MS);
  return db.transaction().execute(async (trx) => {
    const rolled = await sql`
      insert into usage_daily (day, workspace_id, kind, name, count)
      select (occurred_at at time zone 'UTC')::date, workspace_id, kind, name, count(*)::int
      from usage_events
      where occurred_at < ${today}
      group by 1, 2, 3, 4
      on conflict (day, workspace_id, kind, name) do update set count = excluded.count`.execute(trx);
    const purged = await trx.deleteFrom("usage_events").where("occurred_at", "<", purgeBefore).executeTakeFirst();
    return { rolledUp: Number(rolled.numAffectedRows ?? 0n), purged: Number(purged.numDeletedRows) };
  });
}
