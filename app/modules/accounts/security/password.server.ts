import type { Database } from "../../../../db/database";
import { hashPassword, verifyPassword } from "../../../services/password.server";
import { endOtherSessions } from "./sessions.server";

export async function hasPassword(db: Database, userId: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return Boolean(row?.password_hash);
}

/** Whether `password` is the account's current one; false for an account without a password. */
export async function isCurrentPassword(db: Database, userId: string, password: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return verifyPassword(password, row?.password_hash);
}

/**
 * Sets a new password (bcrypt, cost 12) and ends every other session of the account in the same
 * transaction (PRODUCT.md §2): whoever held an old session, perhaps with the old password, is out.
 * This session stays, so the person changing it is not signed out mid-task. Returns how many ended.
 */
export async function replacePassword(db: Database, userId: string, currentSessionId: string, newPassword: string): Promise<number> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: passwordHash, updated_at: new Date() }).where("id", "=", userId).execute();
    return endOtherSessions(trx, userId, currentSessionId);
  });
}
