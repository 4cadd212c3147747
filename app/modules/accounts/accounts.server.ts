import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { EmailTokenPurpose, User } from "../../../db/schema";
import { lockAccount, takeOverUnprovenAccount } from "../../services/account-takeover.server";
import { hashPassword, verifyPassword } from "../../services/password.server";
import { invalidateUserSessions } from "../../services/session.server";
import { generateToken, hashToken } from "../../services/tokens.server";
import { POLICY_VERSION } from "./policies";
import { recordPolicyAcceptance } from "./policy-acceptance.server";

const HOUR = 60 * 60 * 1000;
const TOKEN_LIFETIME: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: 1 * HOUR,
};

export function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

/**
 * Creates the account, or reports that the email is taken. The password is hashed either way, so
 * both answers take the same time.
 */
export async function registerUser(
  db: Database,
  input: { name: string; email: string; password: string; emailVerified: boolean },
): Promise<{ created: User } | { taken: true }> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction().execute((trx) =>
    insertAccount(trx, { name: input.name, email: input.email, passwordHash, avatarUrl: null, emailVerified: input.emailVerified }),
  );
  return created ? { created } : { taken: true };
}

/**
 * Writes a new account that has confirmed its age and accepted the current policies, with that
 * acceptance on record; undefined when the email is taken. Call it inside a transaction.
 */
export async function insertAccount(
  trx: Database,
  account: { name: string; email: string; passwordHash: string | null; avatarUrl: string | null; emailVerified: boolean },
): Promise<User | undefined> {
  const now = new Date();
  const user = await trx
    .insertInto("users")
    .values({
      name: account.name,
      email: account.email,
      password_hash: account.passwordHash,
      avatar_url: account.avatarUrl,
      email_verified_at: account.emailVerified ? now : null,
      age_confirmed_at: now,
      policies_accepted_at: now,
      policy_version: POLICY_VERSION,
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (user) await recordPolicyAcceptance(trx, user.id, POLICY_VERSION, now);
  return user;
}

/** The user for this email and password, or null, in the same time whether or not the account exists. */
export async function authenticate(db: Database, email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(db, email);
  const match = await verifyPassword(password, user?.password_hash);
  return match && user ? user : null;
}

/** Issues a single-use token, replacing any earlier unused one for the same purpose. */
export async function issueEmailToken(db: Database, user: Pick<User, "id" | "email">, purpose: EmailTokenPurpose) {
  const token = generateToken();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("email_tokens").where("user_id", "=", user.id).where("purpose", "=", purpose).execute();
    await trx
      .insertInto("email_tokens")
      .values({
        user_id: user.id,
        purpose,
        email: user.email,
        token_hash: hashToken(token),
        expires_at: new Date(Date.now() + TOKEN_LIFETIME[purpose]),
      })
      .execute();
  });
  return token;
}

/** Marks the token used and returns whom it was for; null when unknown, used or expired. */
async function consumeEmailToken(db: Database, token: string, purpose: EmailTokenPurpose) {
  return db
    .updateTable("email_tokens")
    .set({ used_at: new Date() })
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .returning(["user_id", "email"])
    .executeTakeFirst();
}

/** Whether a token is still usable, without using it (the reset form shows before it submits). */
export async function isEmailTokenUsable(db: Database, token: string, purpose: EmailTokenPurpose) {
  const row = await db
    .selectFrom("email_tokens")
    .select("id")
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return Boolean(row);
}

/** Confirms the address the link was sent to; returns the account's id, or null for a dead link. */
export async function verifyEmail(db: Database, token: string): Promise<string | null> {
  const used = await consumeEmailToken(db, token, "verify_email");
  if (!used) return null;
  // The address must still be the one the link was sent to.
  const result = await db
    .updateTable("users")
    .set({ email_verified_at: new Date(), updated_at: new Date() })
    .where("id", "=", used.user_id)
    .where(sql`lower(email)`, "=", used.email.toLowerCase())
    .executeTakeFirst();
  return result.numUpdatedRows > 0n ? used.user_id : null;
}

/**
 * A reset sets the password, proves the email, and ends every session of the account. An account
 * whose email was never proven is taken over: whatever else its maker set up goes too.
 */
export async function resetPassword(db: Database, token: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const used = await consumeEmailToken(trx, token, "reset_password");
    if (!used) return false;
    const account = await lockAccount(trx, used.user_id);
    if (!account) return false;
    if (!account.emailVerified) await takeOverUnprovenAccount(trx, used.user_id);
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, email_verified_at: sql`coalesce(email_verified_at, now())`, updated_at: new Date() })
      .where("id", "=", used.user_id)
      .execute();
    await invalidateUserSessions(trx, used.user_id);
    return true;
  });
}

/** Email confirmation and password-reset tokens are single use: used or expired, they are worthless. The retention job's step. */
export async function purgeSpentEmailTokens(db: Database, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom("email_tokens")
    .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<", now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
