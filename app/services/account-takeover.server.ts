import type { Database } from "../../db/database";

/**
 * An account whose address nobody ever proved may have been opened by someone else with this
 * person's email, who then set up ways back in (account pre-hijacking). When the owner proves the
 * address — a password reset, or a Google or Microsoft sign-in that verified it — every such way
 * goes: the password, each linked identity but the one proving the address now (`keepIdentityId`),
 * the TOTP key and its recovery codes, every session (and the sign-in flows they hold), and the AI
 * endpoints the squatter had the page's CSP allow. The owner's own sign-in follows.
 * Call it in the transaction that marks the address proven, with the users row locked.
 */
export async function takeOverUnprovenAccount(trx: Database, userId: string, { keepIdentityId }: { keepIdentityId?: string } = {}): Promise<void> {
  await trx
    .updateTable("users")
    .set({ password_hash: null, totp_key: null, totp_enabled_at: null, totp_last_step: null, ai_endpoints: [], avatar_url: null, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
  let identities = trx.deleteFrom("oauth_accounts").where("user_id", "=", userId);
  if (keepIdentityId) identities = identities.where("id", "!=", keepIdentityId);
  await identities.execute();
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Locks the account's row for the rest of the transaction and says whether its address is proven; null when it is gone. */
export async function lockAccount(trx: Database, userId: string): Promise<{ emailVerified: boolean } | null> {
  const row = await trx.selectFrom("users").select("email_verified_at").where("id", "=", userId).forUpdate().executeTakeFirst();
  return row ? { emailVerified: row.email_verified_at !== null } : null;
}
