import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { purgeSpentEmailTokens } from "../../modules/accounts/accounts.server";
import { purgeExpiredOAuthSignups } from "../../modules/accounts/pending-signups.server";
import { purgeExpiredInvitations } from "../../modules/workspaces/invitations.server";
import { RETENTION_TASKS } from "../../server/background-jobs";
import { purgeExpiredFlows } from "../browser-flows.server";
import { loadConfig } from "../env.server";
import { startJobQueue, type JobQueue } from "../jobs/queue.server";
import { createLogger } from "../logger.server";
import { purgeExpiredRateLimits } from "../rate-limit.server";
import { purgeExpiredSessions } from "../session.server";
import { createVaultWorkspace } from "../token-vault/testing";
import { RETENTION_CRON, RETENTION_QUEUE, runRetentionNow, startRetentionJob } from "./retention-job.server";

const DAY_MS = 24 * 60 * 60 * 1000;
let test: TestDatabase;
let queue: JobQueue | undefined;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  await queue?.stop();
  await test?.drop();
});

const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);
const bytes = () => randomBytes(32);

/** One row of each expiring kind that is due for deletion and one that is not; answers which is which. */
async function seedExpiringRows() {
  const db = test.db;
  const workspaceId = await createVaultWorkspace(db, `Retention ${randomBytes(3).toString("hex")}`);
  const { user_id: userId } = await db.selectFrom("memberships").select("user_id").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  const tag = randomBytes(4).toString("hex");
  const session = (id: string, expires_at: Date) => ({ id, secret_hash: bytes(), user_id: userId, expires_at });
  await db.insertInto("sessions").values([session(`gone-${tag}`, ago(60_000)), session(`kept-${tag}`, ahead(DAY_MS))]).execute();
  const token = (purpose: "verify_email" | "reset_password", expires_at: Date, used_at: Date | null) => ({ token_hash: bytes(), user_id: userId, purpose, email: `${tag}@example.com`, expires_at, used_at });
  const tokens = await db
    .insertInto("email_tokens")
    .values([token("verify_email", ago(60_000), null), token("reset_password", ahead(DAY_MS), ago(1000)), token("reset_password", ahead(DAY_MS), null)])
    .returning("id")
    .execute();
  const signup = (id: string, expires_at: Date) => ({ id, secret_hash: bytes(), provider: "google" as const, subject: id, email: `${id}@example.com`, email_verified: true, name: "Pending", expires_at });
  await db.insertInto("oauth_signups").values([signup(`gone-${tag}`, ago(60_000)), signup(`kept-${tag}`, ahead(DAY_MS))]).execute();
  const invitation = (email: string, expires_at: Date) => ({ workspace_id: workspaceId, email, role: "editor" as const, token_hash: bytes(), invited_by: userId, expires_at });
  const invitations = await db
    .insertInto("invitations")
    .values([invitation(`old-${tag}@example.com`, ago(31 * DAY_MS)), invitation(`recent-${tag}@example.com`, ago(DAY_MS)), invitation(`open-${tag}@example.com`, ahead(DAY_MS))])
    .returning("id")
    .execute();
  const flow = (id: string, expires_at: Date) => ({ id, purpose: "sign-in" as const, secret_hash: bytes(), payload: JSON.stringify({ state: id }), expires_at });
  await db.insertInto("browser_flows").values([flow(`gone-${tag}`, ago(60_000)), flow(`kept-${tag}`, ahead(60_000))]).execute();
  const limit = (subject: string, resets_at: Date) => ({ bucket: "login", subject: `${subject}-${tag}`, hits: 3, resets_at });
  await db.insertInto("rate_limits").values([limit("gone", ago(60_000)), limit("kept", ahead(60_000))]).execute();
  return {
    userId,
    tag,
    keptTokenId: tokens[2]!.id,
    keptInvitationIds: [invitations[1]!.id, invitations[2]!.id],
  };
}

async function remaining(seeded: Awaited<ReturnType<typeof seedExpiringRows>>) {
  const db = test.db;
  const like = `%-${seeded.tag}`;
  return {
    sessions: (await db.selectFrom("sessions").select("id").where("id", "like", like).execute()).map((r) => r.id),
    emailTokens: (await db.selectFrom("email_tokens").select("id").where("user_id", "=", seeded.userId).execute()).map((r) => r.id),
    oauthSignups: (await db.selectFrom("oauth_signups").select("id").where("id", "like", like).execute()).map((r) => r.id),
    browserFlows: (await db.selectFrom("browser_flows").select("id").where("id", "like", like).execute()).map((r) => r.id),
    invitations: (await db.selectFrom("invitations").select("id").where("email", "like", `%-${seeded.tag}@example.com`).orderBy("expires_at").execute()).map((r) => r.id),
    rateLimits: (await db.selectFrom("rate_limits").select("subject").where("subject", "like", like).execute()).map((r) => r.subject),
  };
}

const expectOnlyLiveRowsLeft = async (seeded: Awaited<ReturnType<typeof seedExpiringRows>>) =>
  expect(await remaining(seeded)).toEqual({
    sessions: [`kept-${seeded.tag}`],
    emailTokens: [seeded.keptTokenId],
    oauthSignups: [`kept-${seeded.tag}`],
    browserFlows: [`kept-${seeded.tag}`],
    invitations: seeded.keptInvitationIds,
    rateLimits: [`kept-${seeded.tag}`],
  });

describe("retention tasks", () => {
  it("each deletes only what is past its retention, and says how many", async () => {
    const seeded = await seedExpiringRows();
    const now = new Date();
    // Other files' rows share no database with this one, so each count is exactly this seed's.
    expect(await purgeExpiredSessions(test.db, now)).toBe(1);
    expect(await purgeSpentEmailTokens(test.db, now)).toBe(2);
    expect(await purgeExpiredOAuthSignups(test.db, now)).toBe(1);
    expect(await purgeExpiredFlows(test.db, now)).toBe(1);
    expect(await purgeExpiredInvitations(test.db, now)).toBe(1);
    expect(await purgeExpiredRateLimits(test.db, now)).toBe(1);
    await expectOnlyLiveRowsLeft(seeded);
    expect(await purgeExpiredSessions(test.db, now)).toBe(0);
  });

  it("covers sessions, tokens, sign-ups, invitations, rate limits, deleted workspaces and raw usage events", () => {
    expect(RETENTION_TASKS.map((task) => task.name)).toEqual(["sessions", "email-tokens", "oauth-signups", "browser-flows", "invitations", "rate-limits", "deleted-workspaces", "usage-events"]);
  });
});

describe("the retention job", () => {
  it("is scheduled daily at 03:15 UTC on the queue, and a run through the queue purges what it should and nothing else", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const config = loadConfig({ NODE_ENV: "test", SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64") });
    queue = await startJobQueue({ databaseUrl: test.url, db: test.db, logger, config, handlers: [], pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
    await startRetentionJob(queue, test.db, config, logger, RETENTION_TASKS);

    const schedules = await queue.boss.getSchedules();
    expect(schedules.map(({ name, cron, options }) => ({ name, cron, tz: options?.tz }))).toEqual([{ name: RETENTION_QUEUE, cron: RETENTION_CRON, tz: "UTC" }]);
    expect(RETENTION_CRON).toBe("15 3 * * *");

    const seeded = await seedExpiringRows();
    const { id: deletedLongAgo } = await test.db
      .insertInto("workspaces")
      .values({ name: "Deleted long ago", slug: `deleted-${seeded.tag}`, deleted_at: ago(31 * DAY_MS) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: deletedRecently } = await test.db
      .insertInto("workspaces")
      .values({ name: "Deleted recently", slug: `recent-${seeded.tag}`, deleted_at: ago(DAY_MS) })
      .returning("id")
      .executeTakeFirstOrThrow();

    const jobId = await runRetentionNow(queue);
    let state: string | undefined;
    while (state !== "completed" && state !== "failed") {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await queue.boss.getJobById(RETENTION_QUEUE, jobId))?.state;
    }
    expect(state).toBe("completed");

    await expectOnlyLiveRowsLeft(seeded);
    const workspaces = await test.db.selectFrom("workspaces").select("id").where("id", "in", [deletedLongAgo, deletedRecently]).execute();
    expect(workspaces.map((w) => w.id)).toEqual([deletedRecently]);

    const logged = lines.map((line) => JSON.parse(line) as { msg: string; task?: string; deleted?: number }).filter((entry) => entry.msg === "retention task done");
    expect(logged.map((entry) => entry.task)).toEqual(RETENTION_TASKS.map((task) => task.name));
    expect(logged.find((entry) => entry.task === "deleted-workspaces")?.deleted).toBe(1);
    // Counts only: no address, token or id of the people whose rows went.
    expect(lines.join("\n")).not.toContain(seeded.tag);
  });
});
