import type { Database } from "../../../db/database";
import { AppError } from "../errors.server";
import { PROVIDER_NAMES, type OAuthProvider } from "./providers.server";

/** For Settings → Security: how this account can sign in. */
export interface SignInMethods {
  password: boolean;
  identities: { provider: OAuthProvider; providerName: string; email: string; linkedAt: Date; lastUsedAt: Date }[];
}

export async function listSignInMethods(db: Database, userId: string): Promise<SignInMethods> {
  const [user, identities] = await Promise.all([
    db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow(),
    db
      .selectFrom("oauth_accounts")
      .select(["provider", "email", "created_at", "last_used_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    password: user.password_hash !== null,
    identities: identities.map((row) => ({
      provider: row.provider,
      providerName: PROVIDER_NAMES[row.provider],
      email: row.email,
      linkedAt: row.created_at,
      lastUsedAt: row.last_used_at,
    })),
  };
}

/**
 * Removes the provider's identity from the account. Refuses to remove the last way to sign in
 * (no password and no other identity): the account would be locked for good.
 * Throws AppError 404 when nothing is linked, 409 when it is the last method.
 */
export async function unlinkIdentity(db: Database, userId: string, provider: OAuthProvider): Promise<void> {
  const providerName = PROVIDER_NAMES[provider];
  await db.transaction().execute(async (trx) => {
    // Locks the account, so two unlinks at once cannot each see the other identity as the fallback.
    const user = await trx.selectFrom("users").select("password_hash").where("id", "=", userId).forUpdate().executeTakeFirstOrThrow();
    const identities = await trx.selectFrom("oauth_accounts").select(["id", "provider"]).where("user_id", "=", userId).execute();
    const removed = identities.filter((identity) => identity.provider === provider);
    if (!removed.length) throw new AppError(404, "Not linked", `${providerName} is not linked to your account.`);
    if (user.password_hash === null && removed.length === identities.length) {
      throw new AppError(409, "Keep a way to sign in", `${providerName} is the only way you sign in. Set a password (through “Forgot password?” on the log-in page) or link another provider before unlinking it.`);
    }
    await trx.deleteFrom("oauth_accounts").where("user_id", "=", userId).where("provider", "=", provider).execute();
  });
}
