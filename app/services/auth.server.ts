import { redirect, type AppLoadContext } from "@remix-run/node";
import {
  clearedSessionCookie,
  completeTwoFactor,
  createSession,
  invalidateSession,
  readSessionToken,
  sessionCookie,
  type SessionUser,
} from "./session.server";

export function requireUser(request: Request, context: AppLoadContext): SessionUser {
  if (context.auth) return context.auth.user;
  const url = new URL(request.url);
  const next = encodeURIComponent(url.pathname + url.search);
  if (context.pendingTwoFactor) throw redirect(`/login/two-factor?redirectTo=${next}`);
  throw redirect(`/login?redirectTo=${next}`);
}

/** Workspaces are for people whose email we know reaches them. */
export function requireVerifiedUser(request: Request, context: AppLoadContext): SessionUser {
  const user = requireUser(request, context);
  if (!user.email_verified_at) throw redirect("/verify-email");
  return user;
}

export function requireAnonymous(context: AppLoadContext, redirectTo = "/"): void {
  if (context.auth) throw redirect(safeRedirect(redirectTo));
}

/** Only same-origin paths: `//evil.example` and `/\evil.example` are other origins to a browser. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  try {
    const url = new URL(to, "http://bearing.invalid");
    return url.origin === "http://bearing.invalid" ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}

/**
 * A new session at every sign-in, so no session id chosen before it can be fixed onto the account.
 * With two-factor authentication on, the session opens only /login/two-factor until a code is given.
 */
export async function signIn(request: Request, context: AppLoadContext, userId: string, redirectTo: string) {
  await invalidateCurrentSession(context);
  const { totp_enabled_at } = await context.db
    .selectFrom("users")
    .select("totp_enabled_at")
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const twoFactorPending = totp_enabled_at !== null;
  const { token, session } = await createSession(
    context.db,
    userId,
    { userAgent: request.headers.get("user-agent"), ipPrefix: ipPrefix(context.ip) },
    { twoFactorPending },
  );
  const to = safeRedirect(redirectTo);
  return redirect(twoFactorPending ? `/login/two-factor?redirectTo=${encodeURIComponent(to)}` : to, {
    headers: { "Set-Cookie": sessionCookie(token, session.expiresAt, context.config.secure) },
  });
}

/** The second factor was given: the pending session becomes a full one, and its cookie lives as long. */
export async function completeTwoFactorSignIn(request: Request, context: AppLoadContext, redirectTo: string) {
  const token = readSessionToken(request.headers.get("cookie"));
  const session = context.pendingTwoFactor ? await completeTwoFactor(context.db, context.pendingTwoFactor.session.id) : null;
  if (!token || !session) throw redirect("/login");
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": sessionCookie(token, session.expiresAt, context.config.secure) },
  });
}

export async function signOut(context: AppLoadContext, redirectTo = "/login") {
  await invalidateCurrentSession(context);
  return redirect(redirectTo, { headers: { "Set-Cookie": clearedSessionCookie(context.config.secure) } });
}

async function invalidateCurrentSession(context: AppLoadContext) {
  const current = context.auth ?? context.pendingTwoFactor;
  if (current) await invalidateSession(context.db, current.session.id);
}

/** Only a network prefix is kept with a session: enough to tell devices apart, not to locate a person. */
export function ipPrefix(ip: string): string {
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split(".").slice(0, 3).concat("0").join(".");
  return ip.split(":").slice(0, 3).join(":") + "::";
}
