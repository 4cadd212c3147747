import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { deleteAccount, workspacesOwnedAlone } from "~/modules/accounts/privacy/account-deletion.server";
import { deleteAccountSchema, type DeleteAccountProof } from "~/modules/accounts/privacy/schema";
import { isCurrentPassword } from "~/modules/accounts/security/password.server";
import { revokeConnectionsOf } from "~/modules/integrations/connections.server";
import { sendInBackground } from "~/services/email.server";
import { emails } from "~/services/email-templates.server";
import { consumeRateLimits, RATE_LIMITS } from "~/services/rate-limit.server";
import { clearedSessionCookie, type SessionUser } from "~/services/session.server";
import { verifySecondFactor } from "~/services/two-factor/second-factor.server";

/** An account without a password proves itself by a sign-in with its provider this recent. */
export const RECENT_SIGN_IN_MINUTES = 10;

export type Reauthentication =
  | { method: "password"; proof: DeleteAccountProof }
  | { method: "recent-sign-in"; proof: DeleteAccountProof; recent: boolean };

/** The page's guard asks for a full session; this is its id and the user. */
function signedIn(context: AppLoadContext, user: SessionUser) {
  if (!context.auth || context.auth.user.id !== user.id) throw redirect("/login");
  return context.auth.session.id;
}

/**
 * What this account must give to be deleted: its password (and a second factor when on), or, for an
 * account made with Google or Microsoft, a session signed in within the last 10 minutes.
 */
export async function reauthenticationFor(context: AppLoadContext, user: SessionUser, now = new Date()): Promise<Reauthentication> {
  const sessionId = signedIn(context, user);
  const account = await context.db.selectFrom("users").select(["password_hash", "totp_enabled_at"]).where("id", "=", user.id).executeTakeFirstOrThrow();
  const proof = { email: user.email, password: account.password_hash !== null, twoFactor: account.totp_enabled_at !== null };
  if (proof.password) return { method: "password", proof };
  const session = await context.db.selectFrom("sessions").select("created_at").where("id", "=", sessionId).executeTakeFirstOrThrow();
  return { method: "recent-sign-in", proof, recent: now.getTime() - session.created_at.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000 };
}

const HIDDEN = ["currentPassword", "code"];

/**
 * The deletion form. A refusal answers with errors under the fields and keeps the typed email (never
 * the password or code); success deletes everything, clears the cookie and goes to the login page, which says so.
 */
export async function handleDeleteAccount(context: AppLoadContext, user: SessionUser, formData: FormData) {
  const sessionId = signedIn(context, user);
  const reauthentication = await reauthenticationFor(context, user);
  const submission = parseWithZod(formData, { schema: deleteAccountSchema(reauthentication.proof) });
  const refused = (status: number, errors?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) =>
    data({ result: submission.reply({ ...errors, hideFields: HIDDEN }) }, { status });

  if (reauthentication.method === "recent-sign-in" && !reauthentication.recent) {
    return refused(403, { formErrors: [`For your safety, log out and sign in again with your provider, then delete your account within ${RECENT_SIGN_IN_MINUTES} minutes.`] });
  }
  if (submission.status !== "success") return refused(400);

  if (reauthentication.method === "password") {
    // A stolen session guessing the password is guessing a login: the same limits and buckets.
    const limit = await consumeRateLimits(context.db, context.config.sessionSecret, [
      [RATE_LIMITS.loginByIp, context.ip],
      [RATE_LIMITS.loginByAccount, user.email],
    ]);
    if (!limit.allowed) return refused(429, { formErrors: [`Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.`] });
    if (!(await isCurrentPassword(context.db, user.id, submission.value.currentPassword ?? ""))) {
      return refused(400, { fieldErrors: { currentPassword: ["That is not your password."] } });
    }
    if (reauthentication.proof.twoFactor) {
      const check = await verifySecondFactor(context.db, context.config, { sessionId, userId: user.id }, "either", submission.value.code ?? "");
      if (!check.ok) return refused(check.status, { fieldErrors: { code: [check.message] } });
    }
  }

  // The workspaces that go with the account stop being authorised at their providers first.
  const goingWithIt = await workspacesOwnedAlone(context.db, user.id);
  await revokeConnectionsOf(context.db, context.config, goingWithIt.map((workspace) => workspace.id), context.logger);
  const deleted = await deleteAccount(context.db, user.id);
  sendInBackground(context.mailer, context.logger, async () => emails.accountDeleted(deleted.email, deleted.name, context.config.appUrl.href));
  return redirect("/login?notice=account-deleted", { headers: { "Set-Cookie": clearedSessionCookie(context.config.secure) } });
}
