import type { Database } from "../../../db/database";
import { revokeConnectionsOf } from "../../modules/integrations/connections.server";
import { purgeExpiredFlows } from "../browser-flows.server";
import { purgeDeletedWorkspaces } from "../../modules/workspaces/workspace-deletion.server";
import type { Config } from "../env.server";
import type { Logger } from "../logger.server";
import { rollUpAndPurgeUsage } from "../usage/usage-retention.server";

/**
 * What the daily retention job deletes (PRODUCT.md §6, docs/decisions/015-…). Each task is a plain
 * function of the database and the clock that answers how many rows it removed, so it can be tested
 * and run alone; the job runs them in this order.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** An expired invitation stays visible to the workspace's admins this long, then goes. */
const EXPIRED_INVITATION_DAYS = 30;

export async function purgeExpiredSessions(db: Database, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Email confirmation and password-reset tokens are single use: used or expired, they are worthless. */
export async function purgeSpentEmailTokens(db: Database, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom("email_tokens")
    .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<", now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sign-ups through Google or Microsoft that were never finished (they hold a name and an email). */
export async function purgeExpiredOAuthSignups(db: Database, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("oauth_signups").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Pending invitations that expired more than 30 days ago (an invitee's email address). */
export async function purgeExpiredInvitations(db: Database, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom("invitations")
    .where("accepted_at", "is", null)
    .where("expires_at", "<", new Date(now.getTime() - EXPIRED_INVITATION_DAYS * DAY_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Rate-limit counters whose window has passed (they are keyed by email or IP address). */
export async function purgeExpiredRateLimits(db: Database, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("rate_limits").where("resets_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** What a task works with: the database, the configuration (to reach integration providers), the log, the clock. */
export interface RetentionScope {
  db: Database;
  config: Config;
  logger: Logger;
  now: Date;
}

export interface RetentionTask {
  name: string;
  /** Rows removed (or written, for a roll-up), by what they were; logged, never personal data. */
  run(scope: RetentionScope): Promise<Record<string, number>>;
}

const counted = (name: string, task: (db: Database, now: Date) => Promise<number>): RetentionTask => ({
  name,
  run: async ({ db, now }) => ({ deleted: await task(db, now) }),
});

/** Workspaces past their 30 days: their integrations' tokens are revoked at the providers, then they go. */
async function purgeWorkspaces({ db, config, logger, now }: RetentionScope): Promise<Record<string, number>> {
  let revoked = 0;
  const deleted = await purgeDeletedWorkspaces(db, now, async (workspaceIds) => {
    revoked = await revokeConnectionsOf(db, config, workspaceIds, logger);
  });
  return { deleted, revoked };
}

/** Every retention task, in the order the daily job runs them. A new kind of expiring data adds a line here. */
export const RETENTION_TASKS: readonly RetentionTask[] = [
  counted("sessions", purgeExpiredSessions),
  counted("email-tokens", purgeSpentEmailTokens),
  counted("oauth-signups", purgeExpiredOAuthSignups),
  counted("browser-flows", purgeExpiredFlows),
  counted("invitations", purgeExpiredInvitations),
  counted("rate-limits", purgeExpiredRateLimits),
  { name: "deleted-workspaces", run: purgeWorkspaces },
  { name: "usage-events", run: ({ db, now }) => rollUpAndPurgeUsage(db, now) },
];

/**
 * Runs every task and logs its counts. A failing task is logged and the others still run; the job then
 * fails, so pg-boss retries it (each task is idempotent).
 */
export async function runRetention(scope: Omit<RetentionScope, "now">, now = new Date()): Promise<Record<string, Record<string, number>>> {
  const { logger } = scope;
  const results: Record<string, Record<string, number>> = {};
  const failed: string[] = [];
  for (const task of RETENTION_TASKS) {
    try {
      results[task.name] = await task.run({ ...scope, now });
      logger.info({ task: task.name, ...results[task.name] }, "retention task done");
    } catch (error) {
      failed.push(task.name);
      logger.error({ task: task.name, err: error }, "retention task failed");
    }
  }
  if (failed.length) throw new Error(`Retention tasks failed: ${failed.join(", ")}.`);
  return results;
}
