import { randomBytes } from "node:crypto";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Database } from "../../../db/database";

const RECOVERY_CODE_COUNT = 10;
// 12 base32 characters: 60 bits, beyond guessing under the rate limit and costly to recover from a leaked hash.
const RECOVERY_CODE_CHARACTERS = 12;

/** Shown as "abcd-efgh-ijkl"; typed with or without the dashes, in either case. */
function generateRecoveryCode(): string {
  const characters = encodeBase32LowerCaseNoPadding(randomBytes(8)).slice(0, RECOVERY_CODE_CHARACTERS);
  return characters.match(/.{4}/g)!.join("-");
}

function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

// Salted with the user id, so one guess tried against a leaked table tests one account, not all.
function hashRecoveryCode(userId: string, code: string): Uint8Array {
  return sha256(new TextEncoder().encode(`${userId}:${normalizeRecoveryCode(code)}`));
}

/**
 * Ten new codes replace any earlier ones, in one transaction (joining the caller's, if any); only
 * their hashes are kept, so they are shown once.
 */
export async function replaceRecoveryCodes(db: Database, userId: string): Promise<string[]> {
  if (!db.isTransaction) return db.transaction().execute((trx) => replaceRecoveryCodes(trx, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await db
    .insertInto("recovery_codes")
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(userId, code) })))
    .execute();
  return codes;
}

/** Marks the code used and says whether it was good; a conditional UPDATE, so a code works once even under a race. */
export async function redeemRecoveryCode(db: Database, userId: string, input: string): Promise<boolean> {
  if (normalizeRecoveryCode(input).length !== RECOVERY_CODE_CHARACTERS) return false;
  const updated = await db
    .updateTable("recovery_codes")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashRecoveryCode(userId, input))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function deleteRecoveryCodes(db: Database, userId: string): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
}
