import { verifyHOTP } from "@oslojs/otp";
import type { Database } from "../../../db/database";
import { decryptTotpKey, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "./totp-key.server";

export type TotpCheck = "accepted" | "invalid" | "replayed";

/** Authenticator apps show 6 digits, sometimes as "123 456". */
export function normalizeTotpCode(input: string): string {
  return input.replace(/\s+/g, "");
}

/**
 * The time step a code belongs to, allowing one step either side of now for clock drift between
 * the phone and the server (RFC 6238 §5.2), or null.
 */
function matchingTotpStep(key: Uint8Array, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = Math.floor(now / (TOTP_PERIOD_SECONDS * 1000));
  for (const step of [current - 1, current, current + 1]) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

/**
 * Checks a code against the user's key, confirmed or still being set up. A code is good once
 * (RFC 6238 §5.2): its step must be later than the last accepted one, and the conditional UPDATE
 * makes two requests racing with the same code accept it at most once.
 */
export async function checkTotpCode(db: Database, masterKeys: readonly Uint8Array[], userId: string, input: string): Promise<TotpCheck> {
  const row = await db.selectFrom("users").select("totp_key").where("id", "=", userId).executeTakeFirst();
  if (!row?.totp_key) return "invalid";
  const step = matchingTotpStep(decryptTotpKey(masterKeys, userId, row.totp_key), normalizeTotpCode(input));
  if (step === null) return "invalid";
  const updated = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n ? "accepted" : "replayed";
}
