import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { PROVIDER_NAMES, type ProviderIdentity } from "./providers.server";

/**
 * What a checked identity means for our accounts. Rules (PRODUCT.md §2, The Copenhagen Book):
 * an identity seen before signs its account in; otherwise it links to the account with the same
 * email only when the provider verified that email; otherwise a new account waits for confirmation.
 */

export type SignInOutcome =
  | { kind: "sign-in"; userId: string }
  | { kind: "confirm-signup" }
  | { kind: "refused"; title: string; message: string };

export async function resolveSignIn(db: Database, identity: ProviderIdentity): Promise<SignInOutcome> {
  const known = await touchIdentity(db, identity);
  if (known) return { kind: "sign-in", userId: known.user_id };

  const user = await db
    .selectFrom("users")
    .select(["id", "email_verified_at"])
    .where(sql`lower(email)`, "=", identity.email.toLowerCase())
    .executeTakeFirst();
  if (!user) return { kind: "confirm-signup" };

  const providerName = PROVIDER_NAMES[identity.provider];
  if (!identity.emailVerified) {
    return {
      kind: "refused",
      title: "Log in with your password first",
      message: `An account with ${identity.email} already exists, and ${providerName} does not confirm that this address is yours. Log in with your email and password, then link ${providerName} from Settings → Security.`,
    };
  }
  const sameProvider = await db.selectFrom("oauth_accounts").select("email").where("user_id", "=", user.id).where("provider", "=", identity.provider).executeTakeFirst();
  if (sameProvider) {
    return {
      kind: "refused",
      title: `Use your other ${providerName} account`,
      message: `The account for ${identity.email} signs in with the ${providerName} account ${sameProvider.email}. Continue with that one, or log in with your password.`,
    };
  }
  const linked = await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("oauth_accounts")
      .values({ user_id: user.id, provider: identity.provider, subject: identity.subject, email: identity.email })
      .onConflict((oc) => oc.columns(["provider", "subject"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!inserted) return false;
    if (!user.email_verified_at) await takeOverUnprovenAccount(trx, user.id);
    await trx
      .updateTable("users")
      .set({ email_verified_at: sql`coalesce(email_verified_at, now())`, avatar_url: sql`coalesce(avatar_url, ${identity.avatarUrl})`, updated_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    return true;
  });
  // Lost a race against the same identity: whoever won owns it now.
  const owner = linked ? { user_id: user.id } : await touchIdentity(db, identity);
  return owner ? { kind: "sign-in", userId: owner.user_id } : { kind: "confirm-signup" };
}

/**
 * An account whose address nobody ever proved may have been opened by someone else with this
 * person's email (a "pre-hijacking" attack): the provider now proves who owns the address, so the
 * unproven password, second factor and sessions go, and the owner can set a password by reset.
 */
async function takeOverUnprovenAccount(trx: Database, userId: string) {
  await trx.updateTable("users").set({ password_hash: null, totp_key: null, totp_enabled_at: null, totp_last_step: null }).where("id", "=", userId).execute();
  await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** The account of an identity seen before, its last use and email brought up to date. */
function touchIdentity(db: Database, identity: ProviderIdentity) {
  return db
    .updateTable("oauth_accounts")
    .set({ last_used_at: new Date(), email: identity.email })
    .where("provider", "=", identity.provider)
    .where("subject", "=", identity.subject)
    .returning("user_id")
    .executeTakeFirst();
}

export type LinkOutcome = { kind: "linked" } | { kind: "refused"; title: string; message: string };

/** Settings → Security → "Link Google": the signed-in person adds this identity to their account. */
export async function linkIdentity(db: Database, userId: string, identity: ProviderIdentity): Promise<LinkOutcome> {
  const providerName = PROVIDER_NAMES[identity.provider];
  const existing = await db
    .selectFrom("oauth_accounts")
    .select(["user_id"])
    .where("provider", "=", identity.provider)
    .where("subject", "=", identity.subject)
    .executeTakeFirst();
  if (existing?.user_id === userId) return { kind: "linked" };
  if (existing) {
    return {
      kind: "refused",
      title: `This ${providerName} account is linked elsewhere`,
      message: `The ${providerName} account ${identity.email} already signs in to another Bearing account. Unlink it there first, or choose another ${providerName} account.`,
    };
  }
  const other = await db.selectFrom("oauth_accounts").select("email").where("user_id", "=", userId).where("provider", "=", identity.provider).executeTakeFirst();
  if (other) {
    return {
      kind: "refused",
      title: `${providerName} is already linked`,
      message: `Your account already signs in with the ${providerName} account ${other.email}. Unlink it in Settings → Security before linking another one.`,
    };
  }
  const inserted = await db
    .insertInto("oauth_accounts")
    .values({ user_id: userId, provider: identity.provider, subject: identity.subject, email: identity.email })
    .onConflict((oc) => oc.columns(["provider", "subject"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return linkIdentity(db, userId, identity);
  await db.updateTable("users").set({ avatar_url: sql`coalesce(avatar_url, ${identity.avatarUrl})` }).where("id", "=", userId).execute();
  return { kind: "linked" };
}
