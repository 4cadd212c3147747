import type { Database } from "../../../db/database";
import { AppError } from "../errors.server";
import { countUnusedRecoveryCodes, deleteRecoveryCodes, replaceRecoveryCodes } from "./recovery-codes.server";
import { decryptTotpKey, encryptTotpKey, generateTotpKey, manualEntryKey, openTotpKey, qrCodeDataUrl, totpKeyUri } from "./totp-key.server";

export type TwoFactorState =
  | { status: "off" }
  /** A key was made but no code confirmed it yet: sign-in does not ask for codes. */
  | { status: "setting-up" }
  | { status: "on"; enabledAt: string; recoveryCodesLeft: number };

/** What the person needs to add the key to an app; shown only in answer to the setup forms. */
export interface TwoFactorSetup {
  qrCode: string;
  manualKey: string;
}

export async function loadTwoFactorState(db: Database, userId: string): Promise<TwoFactorState> {
  const user = await db
    .selectFrom("users")
    .select(["totp_key", "totp_enabled_at"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  if (user.totp_enabled_at) {
    return { status: "on", enabledAt: user.totp_enabled_at.toISOString(), recoveryCodesLeft: await countUnusedRecoveryCodes(db, userId) };
  }
  return user.totp_key ? { status: "setting-up" } : { status: "off" };
}

/**
 * A new key, kept encrypted with `totp_enabled_at` null until a code from it is confirmed. Only for
 * an account whose email is confirmed (the page says so first; this holds for any other caller).
 */
export async function startTwoFactorSetup(db: Database, masterKey: Uint8Array, user: { id: string; email: string }): Promise<TwoFactorSetup> {
  const key = generateTotpKey();
  const updated = await db
    .updateTable("users")
    .set({ totp_key: encryptTotpKey(masterKey, user.id, key), totp_last_step: null, updated_at: new Date() })
    .where("id", "=", user.id)
    .where("totp_enabled_at", "is", null)
    .where("email_verified_at", "is not", null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw await whyNotTurnedOn(db, user.id);
  return setupFor(user.email, key);
}

/** The key being set up, shown again when a confirmation code was wrong. */
export async function pendingTwoFactorSetup(db: Database, masterKeys: readonly Uint8Array[], user: { id: string; email: string }): Promise<TwoFactorSetup | null> {
  const row = await db.selectFrom("users").select(["totp_key", "totp_enabled_at"]).where("id", "=", user.id).executeTakeFirstOrThrow();
  if (!row.totp_key || row.totp_enabled_at) return null;
  return setupFor(user.email, decryptTotpKey(masterKeys, user.id, row.totp_key));
}

async function setupFor(email: string, key: Uint8Array): Promise<TwoFactorSetup> {
  return { qrCode: await qrCodeDataUrl(totpKeyUri(email, key)), manualKey: manualEntryKey(key) };
}

/** After a code from the new key was accepted: turns two-factor on and returns the first recovery codes. */
export async function enableTwoFactor(db: Database, userId: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("users")
      .set({ totp_enabled_at: new Date(), updated_at: new Date() })
      .where("id", "=", userId)
      .where("totp_key", "is not", null)
      .where("totp_enabled_at", "is", null)
      .where("email_verified_at", "is not", null)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw await whyNotTurnedOn(trx, userId);
    return replaceRecoveryCodes(trx, userId);
  });
}

export async function disableTwoFactor(db: Database, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ totp_key: null, totp_enabled_at: null, totp_last_step: null, updated_at: new Date() })
      .where("id", "=", userId)
      .execute();
    await deleteRecoveryCodes(trx, userId);
  });
}

/** Abandons a setup that was never confirmed; an enabled key is left alone. */
export async function cancelTwoFactorSetup(db: Database, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ totp_key: null, totp_last_step: null, updated_at: new Date() })
    .where("id", "=", userId)
    .where("totp_enabled_at", "is", null)
    .execute();
}

async function whyNotTurnedOn(db: Database, userId: string): Promise<AppError> {
  const user = await db.selectFrom("users").select("email_verified_at").where("id", "=", userId).executeTakeFirst();
  if (user && !user.email_verified_at) {
    return new AppError(403, "Confirm your email address first", "Turning on two-factor authentication needs a confirmed email address. Open the link we emailed you, then try again.");
  }
  return new AppError(409, "Two-factor authentication is already on", "Reload the page to see your current settings.");
}

/**
 * Re-encrypts every TOTP key under the current master key (`npm run keys:rotate`). Each row is
 * updated only if it still holds what was read, so a setup started meanwhile is left alone.
 */
export async function reencryptTotpKeys(db: Database, current: Uint8Array, previous: readonly Uint8Array[]): Promise<{ reencrypted: number; unreadable: number }> {
  const rows = await db.selectFrom("users").select(["id", "totp_key"]).where("totp_key", "is not", null).execute();
  let reencrypted = 0;
  let unreadable = 0;
  for (const row of rows) {
    const stored = row.totp_key!;
    const opened = openTotpKey([current, ...previous], row.id, stored);
    if (!opened) unreadable += 1;
    if (!opened || opened.masterKeyIndex === 0) continue;
    const key = opened.key;
    const updated = await db
      .updateTable("users")
      .set({ totp_key: encryptTotpKey(current, row.id, key) })
      .where("id", "=", row.id)
      .where("totp_key", "=", stored)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) reencrypted += 1;
  }
  return { reencrypted, unreadable };
}
