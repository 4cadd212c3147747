import { randomBytes } from "node:crypto";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import type { Database } from "../../../db/database";
import type { User } from "../../../db/schema";
import type { ProviderIdentity } from "../../services/oauth/providers.server";
import { sessionCookie } from "../../services/session.server";
import { generateToken, hashToken } from "../../services/tokens.server";
import { insertAccount } from "./accounts.server";

/**
 * A first sign-in with a provider waits here until the person confirms their age and accepts the
 * policies (PRODUCT.md §2): no account exists before that. The browser, signed out, holds
 * `<id>.<secret>` in its session cookie for 15 minutes (never in a URL, and no cookie of its own:
 * privacy promise 6); the table keeps only the secret's hash.
 */

const LIFETIME_SECONDS = 15 * 60;

export type PendingSignup = Pick<ProviderIdentity, "provider" | "email" | "emailVerified" | "name" | "avatarUrl">;

export async function startPendingSignup(db: Database, identity: ProviderIdentity): Promise<{ token: string; expiresAt: Date }> {
  const id = randomBytes(12).toString("base64url");
  const secret = generateToken();
  const expiresAt = new Date(Date.now() + LIFETIME_SECONDS * 1000);
  await db.deleteFrom("oauth_signups").where("expires_at", "<=", new Date()).execute();
  await db
    .insertInto("oauth_signups")
    .values({
      id,
      secret_hash: hashToken(secret),
      provider: identity.provider,
      subject: identity.subject,
      email: identity.email,
      email_verified: identity.emailVerified,
      name: identity.name,
      avatar_url: identity.avatarUrl,
      expires_at: expiresAt,
    })
    .execute();
  return { token: `${id}.${secret}`, expiresAt };
}

async function findRow(db: Database, token: string | null) {
  const [id, secret] = token?.split(".") ?? [];
  if (!id || !secret || id.length > 64 || secret.length > 64) return undefined;
  const row = await db.selectFrom("oauth_signups").selectAll().where("id", "=", id).where("expires_at", ">", new Date()).executeTakeFirst();
  return row && constantTimeEqual(hashToken(secret), new Uint8Array(row.secret_hash)) ? row : undefined;
}

/** What the confirmation page shows; null when the cookie is missing or the sign-up expired. */
export async function findPendingSignup(db: Database, token: string | null): Promise<PendingSignup | null> {
  const row = await findRow(db, token);
  return row ? { provider: row.provider, email: row.email, emailVerified: row.email_verified, name: row.name, avatarUrl: row.avatar_url } : null;
}

export type CompletedSignup = { created: User } | { expired: true } | { emailTaken: true };

/**
 * Creates the account with the identity linked, once: the pending row is deleted in the same
 * transaction. An address that gained an account meanwhile is not taken over.
 */
export async function completePendingSignup(db: Database, token: string | null): Promise<CompletedSignup> {
  const row = await findRow(db, token);
  if (!row) return { expired: true };
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.deleteFrom("oauth_signups").where("id", "=", row.id).returning("id").executeTakeFirst();
    if (!claimed) return { expired: true } as const;
    const created = await insertAccount(trx, { name: row.name, email: row.email, passwordHash: null, avatarUrl: row.avatar_url, emailVerified: row.email_verified });
    if (!created) return { emailTaken: true } as const;
    const linked = await trx
      .insertInto("oauth_accounts")
      .values({ user_id: created.id, provider: row.provider, subject: row.subject, email: row.email })
      .onConflict((oc) => oc.columns(["provider", "subject"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    // The same identity finished another sign-up first: undo this account.
    if (!linked) {
      await trx.deleteFrom("users").where("id", "=", created.id).execute();
      return { expired: true } as const;
    }
    return { created };
  });
}

/** The session cookie, carrying the pending sign-up's token until the account exists. */
export function signupCookie(token: string, expiresAt: Date, secure: boolean): string {
  return sessionCookie(token, expiresAt, secure);
}

/** Sign-ups through Google or Microsoft that were never finished (they hold a name and an email); the retention job's step. */
export async function purgeExpiredOAuthSignups(db: Database, now = new Date()): Promise<number> {
  const result = await db.deleteFrom("oauth_signups").where("expires_at", "<", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
