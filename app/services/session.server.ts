import { randomBytes } from "node:crypto";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Database } from "../../db/database";
import type { User } from "../../db/schema";
import { generateToken, hashToken } from "./tokens.server";

export const SESSION_COOKIE = "bearing_session";
const DAY = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME = 30 * DAY;
// Long enough to open an authenticator app, short enough that a password alone is worth little.
const TWO_FACTOR_PENDING_LIFETIME = 10 * 60 * 1000;

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
  /** Signed in with the first factor only: see `pendingTwoFactor` in the request context. */
  twoFactorPending: boolean;
}

export type SessionUser = Pick<User, "id" | "email" | "name" | "avatar_url" | "email_verified_at" | "last_workspace_id" | "policy_version"> & {
  ai_endpoints: string[];
};

export interface Auth {
  session: Session;
  user: SessionUser;
  /** Set when the expiry slid forward: the cookie must be sent again. */
  refreshed: boolean;
}

/**
 * A session token is `<id>.<secret>`. The id finds the row; the secret is compared in constant time
 * against its stored SHA-256 hash (The Copenhagen Book), so neither a leaked table nor a timing side
 * channel yields a usable token.
 */
export async function createSession(
  db: Database,
  userId: string,
  client: { userAgent?: string | null; ipPrefix?: string | null } = {},
  { twoFactorPending = false }: { twoFactorPending?: boolean } = {},
): Promise<{ token: string; session: Session }> {
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = generateToken();
  const expiresAt = new Date(Date.now() + (twoFactorPending ? TWO_FACTOR_PENDING_LIFETIME : SESSION_LIFETIME));
  await db
    .insertInto("sessions")
    .values({
      id,
      secret_hash: hashToken(secret),
      user_id: userId,
      expires_at: expiresAt,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      ip_prefix: client.ipPrefix ?? null,
      two_factor_pending: twoFactorPending,
    })
    .execute();
  return { token: `${id}.${secret}`, session: { id, userId, expiresAt, twoFactorPending } };
}

export async function validateSessionToken(db: Database, token: string): Promise<Auth | null> {
  const [id, secret] = token.split(".");
  if (!id || !secret || id.length > 64 || secret.length > 64) return null;
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.secret_hash",
      "sessions.expires_at",
      "sessions.two_factor_pending",
      "users.id as user_id",
      "users.email",
      "users.name",
      "users.avatar_url",
      "users.email_verified_at",
      "users.last_workspace_id",
      "users.policy_version",
      "users.ai_endpoints",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row || !constantTimeEqual(hashToken(secret), new Uint8Array(row.secret_hash))) return null;

  const now = Date.now();
  if (row.expires_at.getTime() <= now) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  // Sliding expiry, written at most once a day per session to keep requests read-only. A session
  // waiting for its second factor keeps its short life.
  let expiresAt = row.expires_at;
  const refreshed = !row.two_factor_pending && expiresAt.getTime() - now < SESSION_LIFETIME - DAY;
  if (refreshed) {
    expiresAt = new Date(now + SESSION_LIFETIME);
    await db
      .updateTable("sessions")
      .set({ expires_at: expiresAt, last_seen_at: new Date(now) })
      .where("id", "=", id)
      .execute();
  }
  return {
    session: { id, userId: row.user_id, expiresAt, twoFactorPending: row.two_factor_pending },
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      avatar_url: row.avatar_url,
      email_verified_at: row.email_verified_at,
      last_workspace_id: row.last_workspace_id,
      policy_version: row.policy_version,
      ai_endpoints: row.ai_endpoints,
    },
    refreshed,
  };
}

/** The second factor passed: the session becomes a full one, with a full lifetime. Null if it was not pending. */
export async function completeTwoFactor(db: Database, sessionId: string): Promise<Session | null> {
  const row = await db
    .updateTable("sessions")
    .set({ two_factor_pending: false, expires_at: new Date(Date.now() + SESSION_LIFETIME), last_seen_at: new Date() })
    .where("id", "=", sessionId)
    .where("two_factor_pending", "=", true)
    .where("expires_at", ">", new Date())
    .returning(["id", "user_id", "expires_at"])
    .executeTakeFirst();
  return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at, twoFactorPending: false } : null;
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function invalidateUserSessions(db: Database, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    secure ? "Secure" : null,
  ]
    .filter(Boolean)
    .join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", secure ? "Secure" : null]
    .filter(Boolean)
    .join("; ");
}

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || null;
  }
  return null;
}

/** Sessions past their expiry; the retention job's step. */
export async function purgeExpiredSessions(db: Database, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
