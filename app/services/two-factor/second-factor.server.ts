import type { Database } from "../../../db/database";
import type { Config } from "../env.server";
import { consumeRateLimits, RATE_LIMITS, resetRateLimit } from "../rate-limit.server";
import { redeemRecoveryCode } from "./recovery-codes.server";
import { checkTotpCode, normalizeTotpCode } from "./totp.server";

/** "either" is a field that takes an authenticator code or a recovery code (turning two-factor off). */
export type SecondFactorKind = "totp" | "recovery" | "either";

export type SecondFactorResult = { ok: true } | { ok: false; status: 400 | 429; message: string };

const MESSAGES = {
  invalid: "That code is not valid. Check the code in your authenticator app and try again.",
  replayed: "That code was already used. Wait for the next code in your authenticator app.",
  recovery: "That recovery code is not valid, or it was already used.",
} as const;

/**
 * The one check of a second factor, at login and in Settings. Every attempt counts against the
 * session and the account, so guessing a 6-digit code stays hopeless wherever it is tried.
 */
export async function verifySecondFactor(
  db: Database,
  config: Pick<Config, "sessionSecret" | "encryptionMasterKey" | "encryptionMasterKeysPrevious">,
  who: { sessionId: string; userId: string },
  kind: SecondFactorKind,
  code: string,
): Promise<SecondFactorResult> {
  const limit = await consumeRateLimits(db, config.sessionSecret, [
    [RATE_LIMITS.twoFactorBySession, who.sessionId],
    [RATE_LIMITS.twoFactorByAccount, who.userId],
  ]);
  if (!limit.allowed) {
    return { ok: false, status: 429, message: `Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.` };
  }

  const useTotp = kind === "totp" || (kind === "either" && /^\d{6}$/.test(normalizeTotpCode(code)));
  if (useTotp) {
    const check = await checkTotpCode(db, [config.encryptionMasterKey, ...config.encryptionMasterKeysPrevious], who.userId, code);
    if (check !== "accepted") return { ok: false, status: 400, message: MESSAGES[check] };
  } else if (!(await redeemRecoveryCode(db, who.userId, code))) {
    return { ok: false, status: 400, message: MESSAGES.recovery };
  }
  await resetRateLimit(db, config.sessionSecret, RATE_LIMITS.twoFactorByAccount, who.userId);
  return { ok: true };
}
