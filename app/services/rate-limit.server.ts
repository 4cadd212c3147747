import { sql } from "kysely";
import type { Database } from "../../db/database";
import { fingerprint } from "./tokens.server";

export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  loginByIp: { bucket: "login:ip", limit: 30, windowSeconds: 15 * 60 },
  loginByAccount: { bucket: "login:account", limit: 10, windowSeconds: 15 * 60 },
  resetByIp: { bucket: "reset:ip", limit: 10, windowSeconds: 60 * 60 },
  resetByAccount: { bucket: "reset:account", limit: 3, windowSeconds: 60 * 60 },
  signupByIp: { bucket: "signup:ip", limit: 20, windowSeconds: 60 * 60 },
  // Two-factor codes, at login and in Settings: 3 codes of 10^6 are valid at a time (±1 step).
  twoFactorBySession: { bucket: "2fa:session", limit: 5, windowSeconds: 10 * 60 },
  twoFactorByAccount: { bucket: "2fa:account", limit: 10, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one attempt in a fixed window kept in PostgreSQL, so every instance behind a load balancer
 * shares the count. The subject (an IP address, an email) is stored only as a keyed fingerprint.
 */
export async function consumeRateLimit(
  db: Database,
  secret: string,
  rule: RateLimitRule,
  subject: string,
): Promise<RateLimitResult> {
  const row = await db
    .insertInto("rate_limits")
    .values({
      bucket: rule.bucket,
      subject: fingerprint(secret, subject.toLowerCase()),
      hits: 1,
      resets_at: sql<Date>`now() + make_interval(secs => ${rule.windowSeconds})`,
    })
    .onConflict((oc) =>
      oc.columns(["bucket", "subject"]).doUpdateSet({
        hits: sql`case when rate_limits.resets_at <= now() then 1 else rate_limits.hits + 1 end`,
        resets_at: sql`case when rate_limits.resets_at <= now() then excluded.resets_at else rate_limits.resets_at end`,
      }),
    )
    .returning(["hits", sql<number>`ceil(extract(epoch from resets_at - now()))::int`.as("retry_after")])
    .executeTakeFirstOrThrow();
  if (row.hits <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retry_after) };
}

export async function resetRateLimit(db: Database, secret: string, rule: RateLimitRule, subject: string) {
  await db
    .deleteFrom("rate_limits")
    .where("bucket", "=", rule.bucket)
    .where("subject", "=", fingerprint(secret, subject.toLowerCase()))
    .execute();
}

/** Consumes every rule and reports the longest wait, so one refusal names the real time to wait. */
export async function consumeRateLimits(
  db: Database,
  secret: string,
  checks: Array<[RateLimitRule, string]>,
): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(([rule, subject]) => consumeRateLimit(db, secret, rule, subject)));
  const waits = results.flatMap((r) => (r.allowed ? [] : [r.retryAfterSeconds]));
  return waits.length ? { allowed: false, retryAfterSeconds: Math.max(...waits) } : { allowed: true };
}

/** Rate-limit counters whose window has passed (they are keyed by email or IP address); the retention job's step. */
export async function purgeExpiredRateLimits(db: Database, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("rate_limits").where("resets_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
