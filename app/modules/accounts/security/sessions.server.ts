import type { Database } from "../../../../db/database";
import { notFound } from "../../../services/errors.server";
import { describeDevice } from "./user-agent";

export interface ActiveSession {
  id: string;
  device: string;
  /** The network prefix kept at sign-in (auth.server.ts `ipPrefix`), never a full address. */
  network: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/**
 * The user's signed-in sessions, this one first, then the most recently seen. A session still
 * waiting for its second factor is not signed in yet, so it is not listed.
 */
export async function listActiveSessions(db: Database, userId: string, currentSessionId: string): Promise<ActiveSession[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "user_agent", "ip_prefix", "created_at", "last_seen_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", new Date())
    .where("two_factor_pending", "=", false)
    .orderBy("last_seen_at", "desc")
    .orderBy("created_at", "desc")
    .execute();
  const sessions = rows.map((row) => ({
    id: row.id,
    device: describeDevice(row.user_agent),
    network: row.ip_prefix,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    current: row.id === currentSessionId,
  }));
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/**
 * Ends one of the user's other sessions and says which device it was. The user id is part of the
 * query: another person's session id answers 404, exactly like one that never existed.
 */
export async function endOtherSession(db: Database, userId: string, currentSessionId: string, sessionId: string): Promise<string> {
  const ended = await db
    .deleteFrom("sessions")
    .where("id", "=", sessionId)
    .where("id", "!=", currentSessionId)
    .where("user_id", "=", userId)
    .returning("user_agent")
    .executeTakeFirst();
  if (!ended) throw notFound("This session");
  return describeDevice(ended.user_agent);
}

/** Ends every session of the user but this one; returns how many ended. */
export async function endOtherSessions(db: Database, userId: string, currentSessionId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "!=", currentSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * "Sign out" on the security and privacy pages: one other session of this user (by its id), or every
 * other one (null). The sentence that says what happened; this device stays signed in either way.
 */
export async function signOutElsewhere(db: Database, userId: string, currentSessionId: string, target: string | null): Promise<string> {
  if (target !== null) return `${await endOtherSession(db, userId, currentSessionId, target)} is signed out.`;
  const ended = await endOtherSessions(db, userId, currentSessionId);
  return ended ? `Signed out everywhere else (${ended} session${ended === 1 ? "" : "s"}). This device stays signed in.` : "No other device was signed in.";
}
