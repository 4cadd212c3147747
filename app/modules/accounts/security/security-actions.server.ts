import { parseWithZod } from "@conform-to/zod/v4";
import { data, type AppLoadContext } from "@remix-run/node";
import { AppError } from "../../../services/errors.server";
import { passwordWeakness } from "../../../services/password.server";
import { consumeRateLimits, RATE_LIMITS, resetRateLimit } from "../../../services/rate-limit.server";
import type { SessionUser } from "../../../services/session.server";
import { removeSignInMethod } from "./sign-in-methods.server";
import { hasPassword, isCurrentPassword, replacePassword } from "./password.server";
import { changePasswordSchema, SECURITY_INTENTS, setPasswordSchema } from "./schema";
import { endOtherSession, endOtherSessions } from "./sessions.server";

const HIDDEN = ["currentPassword", "newPassword"];

/**
 * The security page's own forms. Returns null for an intent it does not know, so the route can hand
 * that one to the two-factor section.
 */
export async function handleSecurityIntent(context: AppLoadContext, user: SessionUser, sessionId: string, formData: FormData) {
  switch (formData.get("intent")) {
    case SECURITY_INTENTS.changePassword:
      return changePassword(context, user, sessionId, formData);
    case SECURITY_INTENTS.signOutSession: {
      const device = await endOtherSession(context.db, user.id, sessionId, String(formData.get("sessionId") ?? ""));
      return { section: "sessions" as const, notice: `${device} is signed out.` };
    }
    case SECURITY_INTENTS.signOutOtherSessions: {
      const ended = await endOtherSessions(context.db, user.id, sessionId);
      return { section: "sessions" as const, notice: ended ? `Signed out everywhere else (${plural(ended, "session")}). This device stays signed in.` : "No other device was signed in." };
    }
    case SECURITY_INTENTS.unlinkIdentity:
      try {
        const provider = await removeSignInMethod(context.db, user.id, String(formData.get("provider") ?? ""));
        return { section: "sign-in-methods" as const, notice: `${provider} is no longer linked to your account.` };
      } catch (error) {
        if (error instanceof AppError) return data({ section: "sign-in-methods" as const, error: error.message }, { status: error.status });
        throw error;
      }
    default:
      return null;
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
