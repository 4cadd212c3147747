import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/node";
import type { TwoFactorActionData, TwoFactorReply } from "~/modules/accounts/two-factor-reply";
import { confirmTwoFactorSchema, proveTwoFactorSchema, TWO_FACTOR_INTENTS } from "~/modules/accounts/two-factor-schema";
import { AppError } from "~/services/errors.server";
import type { SessionUser } from "~/services/session.server";
import { verifySecondFactor } from "~/services/two-factor/second-factor.server";
import { replaceRecoveryCodes } from "~/services/two-factor/recovery-codes.server";
import { cancelTwoFactorSetup, disableTwoFactor, enableTwoFactor, pendingTwoFactorSetup, startTwoFactorSetup } from "~/services/two-factor/setup.server";

export type TwoFactorIntent = (typeof TWO_FACTOR_INTENTS)[keyof typeof TWO_FACTOR_INTENTS];

const reply = (twoFactor: TwoFactorReply, status = 200) => data<TwoFactorActionData>({ twoFactor }, { status });

/**
 * The /settings/security action for the two-factor section. Answers with data rather than a redirect:
 * the key and recovery codes are shown once, in the answer to the form that made them, and never by a page load.
 */
export async function handleTwoFactorIntent(context: AppLoadContext, user: SessionUser, intent: TwoFactorIntent, formData: FormData) {
  const masterKey = context.config.encryptionMasterKey;
  // Until the address is confirmed the account may be a squat on someone else's email: its maker
  // must not be able to lock the owner out with a key of their own (issue 12).
  const turningOn = intent === TWO_FACTOR_INTENTS.start || intent === TWO_FACTOR_INTENTS.confirm;
  if (turningOn && !user.email_verified_at) return reply({ intent: "email-unconfirmed" }, 403);
  switch (intent) {
    case TWO_FACTOR_INTENTS.start:
      return reply({ intent: "start", setup: await startTwoFactorSetup(context.db, masterKey, user) });

    case TWO_FACTOR_INTENTS.cancelSetup:
      await cancelTwoFactorSetup(context.db, user.id);
      return reply({ intent: "cancel-setup" });

    case TWO_FACTOR_INTENTS.confirm: {
      const submission = parseWithZod(formData, { schema: confirmTwoFactorSchema });
      const setup = await pendingTwoFactorSetup(context.db, [masterKey, ...context.config.encryptionMasterKeysPrevious], user);
      if (submission.status !== "success") return reply({ intent: "confirm", result: submission.reply(), setup }, 400);
      const check = await verifySecondFactor(context.db, context.config, who(context, user), "totp", submission.value.code);
      if (!check.ok) return reply({ intent: "confirm", result: codeRefused(submission, check.message), setup }, check.status);
      const recoveryCodes = await enableTwoFactor(context.db, user.id);
      return reply({ intent: "confirm", result: submission.reply({ resetForm: true }), recoveryCodes });
    }

    case TWO_FACTOR_INTENTS.disable:
    case TWO_FACTOR_INTENTS.regenerate: {
      const name = intent === TWO_FACTOR_INTENTS.disable ? "disable" : "regenerate";
      const submission = parseWithZod(formData, { schema: proveTwoFactorSchema });
      if (submission.status !== "success") return reply({ intent: name, result: submission.reply() }, 400);
      const check = await verifySecondFactor(context.db, context.config, who(context, user), "either", submission.value.code);
      if (!check.ok) return reply({ intent: name, result: codeRefused(submission, check.message) }, check.status);
      const result = submission.reply({ resetForm: true });
      if (name === "regenerate") return reply({ intent: name, result, recoveryCodes: await replaceRecoveryCodes(context.db, user.id) });
      await disableTwoFactor(context.db, user.id);
      return reply({ intent: name, result, disabled: true });
    }
  }
}

function codeRefused(submission: { reply: (options: { fieldErrors: Record<string, string[]> }) => SubmissionResult<string[]> }, message: string) {
  return submission.reply({ fieldErrors: { code: [message] } });
}

// The page called requireUser, so a full session is there; this guards against a caller that did not.
function who(context: AppLoadContext, user: SessionUser) {
  if (!context.auth || context.auth.user.id !== user.id) {
    throw new AppError(401, "Signed out", "Log in again to change two-factor authentication.");
  }
  return { sessionId: context.auth.session.id, userId: user.id };
}
