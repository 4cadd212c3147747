import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { hasPassword, isCurrentPassword, replacePassword } from "~/modules/accounts/security/password.server";
import { changePasswordSchema, SECURITY_INTENTS, setPasswordSchema } from "~/modules/accounts/security/schema";
import { signOutElsewhere } from "~/modules/accounts/security/sessions.server";
import { removeSignInMethod } from "~/modules/accounts/security/sign-in-methods.server";
import { TWO_FACTOR_INTENTS } from "~/modules/accounts/two-factor-schema";
import { AppError } from "~/services/errors.server";
import { formText } from "~/services/forms.server";
import { passwordWeakness } from "~/services/password.server";
import { consumeRateLimits, RATE_LIMITS, resetRateLimit } from "~/services/rate-limit.server";
import type { SessionUser } from "~/services/session.server";
import type { TwoFactorIntent } from "./two-factor-actions.server";

const HIDDEN = ["currentPassword", "newPassword"];

const TWO_FACTOR = Object.values(TWO_FACTOR_INTENTS) as [TwoFactorIntent, ...TwoFactorIntent[]];

/** Every form of the security page; the two-factor section's go to two-factor-actions.server.ts. */
export const securityPageIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(SECURITY_INTENTS.changePassword) }),
  z.object({ intent: z.literal(SECURITY_INTENTS.signOutSession), sessionId: formText }),
  z.object({ intent: z.literal(SECURITY_INTENTS.signOutOtherSessions) }),
  z.object({ intent: z.literal(SECURITY_INTENTS.unlinkIdentity), provider: formText }),
  z.object({ intent: z.enum(TWO_FACTOR) }),
]);

type SecurityPageForm = z.output<typeof securityPageIntents>;
type SecurityForm = Exclude<SecurityPageForm, { intent: TwoFactorIntent }>;

export function isTwoFactorForm(form: SecurityPageForm): form is Extract<SecurityPageForm, { intent: TwoFactorIntent }> {
  return (TWO_FACTOR as readonly string[]).includes(form.intent);
}

export async function handleSecurityIntent(context: AppLoadContext, user: SessionUser, sessionId: string, form: SecurityForm, formData: FormData) {
  switch (form.intent) {
    case "change-password":
      return changePassword(context, user, sessionId, formData);
    case "sign-out-session":
      return { section: "sessions" as const, notice: await signOutElsewhere(context.db, user.id, sessionId, form.sessionId) };
    case "sign-out-other-sessions":
      return { section: "sessions" as const, notice: await signOutElsewhere(context.db, user.id, sessionId, null) };
    case "unlink-identity":
      try {
        const provider = await removeSignInMethod(context.db, user.id, form.provider);
        return { section: "sign-in-methods" as const, notice: `${provider} is no longer linked to your account.` };
      } catch (error) {
        if (error instanceof AppError) return data({ section: "sign-in-methods" as const, error: error.message }, { status: error.status });
        throw error;
      }
  }
}

async function changePassword(context: AppLoadContext, user: SessionUser, sessionId: string, formData: FormData) {
  const { db, config } = context;
  const settingFirst = !(await hasPassword(db, user.id));
  const submission = parseWithZod(formData, { schema: settingFirst ? setPasswordSchema : changePasswordSchema });
  // A refusal never sends a password back: the page renders both fields empty, with the reason.
  const refused = (status: number, errors?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) =>
    data({ section: "password" as const, result: submission.reply({ ...errors, hideFields: HIDDEN }) }, { status });
  if (submission.status !== "success") return refused(400);
  // Only the change form has a current password (zod drops unknown fields from the set form).
  const { currentPassword, newPassword }: { currentPassword?: string; newPassword: string } = submission.value;

  const weakness = await passwordWeakness(newPassword, [user.name, user.email]);
  if (weakness) return refused(400, { fieldErrors: { newPassword: [weakness] } });

  if (currentPassword !== undefined) {
    // Guessing the current password from a stolen session is guessing a login: same limits, same buckets.
    const limit = await consumeRateLimits(db, config.sessionSecret, [
      [RATE_LIMITS.loginByIp, context.ip],
      [RATE_LIMITS.loginByAccount, user.email],
    ]);
    if (!limit.allowed) return refused(429, { formErrors: [`Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.`] });
    if (!(await isCurrentPassword(db, user.id, currentPassword))) {
      return refused(400, { fieldErrors: { currentPassword: ["That is not your current password."] } });
    }
    await resetRateLimit(db, config.sessionSecret, RATE_LIMITS.loginByAccount, user.email);
  }

  const ended = await replacePassword(db, user.id, sessionId, newPassword);
  const others = ended ? ` You were signed out on every other device (${plural(ended, "session")}); this one stays signed in.` : "";
  return {
    section: "password" as const,
    result: submission.reply({ resetForm: true }),
    notice: `${settingFirst ? "Your password is set: you can now log in with your email and password." : "Your password was changed."}${others}`,
  };
}

function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
