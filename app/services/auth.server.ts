import { redirect, type AppLoadContext } from "@remix-run/node";
import { clearedSessionCookie, createSession, invalidateSession, sessionCookie, type SessionUser } from "./session.server";

export function requireUser(request: Request, context: AppLoadContext): SessionUser {
  if (context.auth) return context.auth.user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
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

/** A new session at every sign-in, so no session id chosen before it can be fixed onto the account. */
export async function signIn(request: Request, context: AppLoadContext, userId: string, redirectTo: string) {
  if (context.auth) await invalidateSession(context.db, context.auth.session.id);
  const { token, session } = await createSession(context.db, userId, {
    userAgent: request.headers.get("user-agent"),
    ipPrefix: ipPrefix(context.ip),
  });
  return redirect(safeRedirect(redirectTo), {
    headers: { "Set-Cookie": sessionCookie(token, session.expiresAt, context.config.secure) },
  });
}

export async function signOut(context: AppLoadContext, redirectTo = "/login") {
  if (context.auth) await invalidateSession(context.db, context.auth.session.id);
  return redirect(redirectTo, { headers: { "Set-Cookie": clearedSessionCookie(context.config.secure) } });
}

/** Only a network prefix is kept with a session: enough to tell devices apart, not to locate a person. */
export function ipPrefix(ip: string): string {
  const v4 = ip.replace(/^::ffff:/, "");
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split(".").slice(0, 3).concat("0").join(".");
  return ip.split(":").slice(0, 3).join(":") + "::";
}
