import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { lockAccount, takeOverUnprovenAccount } from "../account-takeover.server";
import { PROVIDER_NAMES, type ProviderIdentity } from "./providers.server";

/**
 * What a checked identity means for our accounts. Rules (PRODUCT.md §2, The Copenhagen Book):
 * an identity seen before signs its account in; otherwise it links to the account with the same
 * email only when the provider verified that email (taking over an account whose email was never
 * proven: app/services/account-takeover.server.ts); otherwise a new account waits for confirmation.
 * Linking from Settings needs a confirmed email, so nobody adds a way in to an account they opened
 * with someone else's address.
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
    .select("id")
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
  const outcome = await db.transaction().execute(async (trx): Promise<SignInOutcome | null> => {
    // Locked, so a password reset cannot prove the address at the same moment.
    const account = await lockAccount(trx, user.id);
    if (!account) return null;
    // An unproven account's identities are not the owner's: the takeover below removes them.
    if (account.emailVerified) {
      const sameProvider = await trx.selectFrom("oauth_accounts").select("email").where("user_id", "=", user.id).where("provider", "=", identity.provider).executeTakeFirst();
      if (sameProvider) {
        return {
          kind: "refused",
          title: `Use your other ${providerName} account`,
          message: `The account for ${identity.email} signs in with the ${providerName} account ${sameProvider.email}. Continue with that one, or log in with your password.`,
        };
      }
    }
    const inserted = await trx
      .insertInto("oauth_accounts")
      .values({ user_id: user.id, provider: identity.provider, subject: identity.subject, email: identity.email })
      .onConflict((oc) => oc.columns(["provider", "subject"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return null;
    if (!account.emailVerified) await takeOverUnprovenAccount(trx, user.id, { keepIdentityId: inserted.id });
    await trx
      .updateTable("users")
      .set({ email_verified_at: sql`coalesce(email_verified_at, now())`, avatar_url: sql`coalesce(avatar_url, ${identity.avatarUrl})`, updated_at: new Date() })
      .where("id", "=", user.id)
      .execute();
    return { kind: "sign-in", userId: user.id };
  });
  if (outcome) return outcome;
  // Lost a race against the same identity: whoever won owns it now.
  const owner = await touchIdentity(db, identity);
  return owner ? { kind: "sign-in", userId: owner.user_id } : { kind: "confirm-signup" };
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

/**
 * Settings → Security → "Link Google": the signed-in person adds this identity to their account,
 * once its email is confirmed (until then, the account may be someone else's squat on the address).
 */
export async function linkIdentity(db: Database, userId: string, identity: ProviderIdentity): Promise<LinkOutcome> {
  const providerName = PROVIDER_NAMES[identity.provider];
  const account = await db.selectFrom("users").select(["email", "email_verified_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
  if (!account.email_verified_at) return { kind: "refused", ...linkNeedsConfirmedEmail(providerName, account.email) };
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

/** Why an account whose email was never confirmed cannot link a provider yet, and what to do. */
export function linkNeedsConfirmedEmail(providerName: string, email: string): { title: string; message: string } {
  return {
    title: "Confirm your email address first",
    message: `Linking ${providerName} needs a confirmed email address. Open the link we emailed to ${email}, then link ${providerName} again from Settings → Security.`,
  };
}
