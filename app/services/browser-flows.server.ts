import { randomBytes } from "node:crypto";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { AppLoadContext } from "@remix-run/node";
import type { BrowserFlowPurpose } from "../../db/schema";
import { clearedSessionCookie, readSessionToken, sessionCookie } from "./session.server";
import { generateToken, hashToken } from "./tokens.server";

/**
 * What a browser must hold between leaving for a provider and coming back — the OAuth state, the PKCE
 * verifier, the nonce, where to go next — is kept here, in PostgreSQL, and never in a cookie of its own:
 * privacy promise 6 says the session cookie is the only cookie.
 *
 * - A signed-in browser's flow (linking Google, connecting Slack) belongs to its session, one per purpose.
 * - A signed-out browser has no session yet, so its session cookie carries the flow's token
 *   (`<id>.<secret>`, 10 minutes) until signing in puts a real session's token in its place. The table
 *   keeps only the secret's hash, compared in constant time, as for sessions.
 *
 * A flow is single use: taking it deletes it, so an answer from the provider is accepted once.
 */

const FLOW_LIFETIME_MS = 10 * 60 * 1000;

/** Starts a flow; answers the Set-Cookie header a signed-out browser needs, or null when its session holds it. */
export async function startFlow(context: AppLoadContext, purpose: BrowserFlowPurpose, payload: object): Promise<string | null> {
  const { db } = context;
  const expiresAt = new Date(Date.now() + FLOW_LIFETIME_MS);
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const session = context.auth?.session;
  if (session) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom("browser_flows").where("session_id", "=", session.id).where("purpose", "=", purpose).execute();
      await trx.insertInto("browser_flows").values({ id, purpose, session_id: session.id, payload: JSON.stringify(payload), expires_at: expiresAt }).execute();
    });
    return null;
  }
  const secret = generateToken();
  await db.insertInto("browser_flows").values({ id, purpose, secret_hash: hashToken(secret), payload: JSON.stringify(payload), expires_at: expiresAt }).execute();
  return sessionCookie(`${id}.${secret}`, expiresAt, context.config.secure);
}

export interface TakenFlow<Payload> {
  payload: Payload;
  /** For a signed-out browser, the Set-Cookie that removes the spent token; null when the flow was a session's. */
  clearCookie: string | null;
}

/** This browser's flow for `purpose`, deleted as it is read; null when it has none, or it expired. */
export async function takeFlow<Payload>(request: Request, context: AppLoadContext, purpose: BrowserFlowPurpose): Promise<TakenFlow<Payload> | null> {
  const { db } = context;
  const session = context.auth?.session;
  if (session) {
    const row = await db
      .deleteFrom("browser_flows")
      .where("session_id", "=", session.id)
      .where("purpose", "=", purpose)
      .returning(["payload", "expires_at"])
      .executeTakeFirst();
    return row && row.expires_at > new Date() ? { payload: row.payload as Payload, clearCookie: null } : null;
  }
  const [id, secret] = readSessionToken(request.headers.get("cookie"))?.split(".") ?? [];
  if (!id || !secret || id.length > 64 || secret.length > 64) return null;
  const row = await db.selectFrom("browser_flows").select(["secret_hash", "purpose"]).where("id", "=", id).where("session_id", "is", null).executeTakeFirst();
  if (!row?.secret_hash || row.purpose !== purpose || !constantTimeEqual(hashToken(secret), new Uint8Array(row.secret_hash))) return null;
  // Deleted before it is used: of two callbacks racing with the same token, one gets the flow.
  const taken = await db.deleteFrom("browser_flows").where("id", "=", id).returning(["payload", "expires_at"]).executeTakeFirst();
  return taken && taken.expires_at > new Date() ? { payload: taken.payload as Payload, clearCookie: clearedSessionCookie(context.config.secure) } : null;
}

/** Flows nobody came back from (the retention job). */
export async function purgeExpiredFlows(db: AppLoadContext["db"], now = new Date()): Promise<number> {
  const result = await db.deleteFrom("browser_flows").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
