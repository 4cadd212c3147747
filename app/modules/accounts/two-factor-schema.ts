import { z } from "zod";

// Shared by the browser (instant field errors) and the server (the authority).

/** Every intent the two-factor section posts to /settings/security; the page hands these to handleTwoFactorIntent. */
export const TWO_FACTOR_INTENTS = {
  start: "two-factor-start",
  confirm: "two-factor-confirm",
  cancelSetup: "two-factor-cancel-setup",
  disable: "two-factor-disable",
  regenerate: "two-factor-regenerate",
} as const;

const appCodeMessage = "Enter the 6-digit code from your authenticator app.";

/** Apps show the code as "123456" or "123 456". */
const authenticationCodeField = z.string({ error: appCodeMessage }).trim().regex(/^\d{3} ?\d{3}$/, appCodeMessage);

const recoveryCodeField = z
  .string({ error: "Enter one of your recovery codes." })
  .trim()
  .max(40, "A recovery code looks like abcd-efgh-ijkl.");

const anyCodeMessage = "Enter a code from your authenticator app, or one of your recovery codes.";
export const anyCodeField = z.string({ error: anyCodeMessage }).trim().max(40, anyCodeMessage);

export const confirmTwoFactorSchema = z.object({ code: authenticationCodeField });

/** Turning two-factor off and making new recovery codes: either kind of code proves it is the owner. */
export const proveTwoFactorSchema = z.object({ code: anyCodeField });

const redirectTo = z.string().max(2000).optional();
export const loginCodeSchema = z.object({ code: authenticationCodeField, redirectTo });
export const loginRecoveryCodeSchema = z.object({ recoveryCode: recoveryCodeField, redirectTo });
