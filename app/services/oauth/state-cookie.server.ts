import { createHmac, randomBytes } from "node:crypto";
import { generateCodeVerifier } from "arctic";
import { z } from "zod";
import { sameString } from "./id-token.server";
import type { OAuthProvider } from "./providers.server";

/**
 * Between "Continue with Google" and the callback, the browser holds what the callback must check:
 * the state (256 random bits; The Copenhagen Book asks for at least 112), the PKCE verifier and
 * the nonce, plus where to go next. The cookie is HMAC-signed with SESSION_SECRET so it cannot be
 * forged or edited, lives 10 minutes, and is sent only to /auth.
 */

export const STATE_COOKIE = "bearing_oauth";
const LIFETIME_SECONDS = 10 * 60;

const flowSchema = z.object({
  provider: z.enum(["google", "microsoft"]),
  state: z.string().min(22),
  codeVerifier: z.string().min(43),
  nonce: z.string().min(22),
  redirectTo: z.string(),
  mode: z.enum(["sign-in", "link"]),
  /** For "link": the account the identity is being linked to; the callback must see the same one signed in. */
  userId: z.string().nullable(),
  expiresAt: z.number(),
});

export type OAuthFlow = z.infer<typeof flowSchema>;

export function newFlow(provider: OAuthProvider, options: { redirectTo: string; mode: OAuthFlow["mode"]; userId: string | null }): OAuthFlow {
  return {
    provider,
    state: randomBytes(32).toString("base64url"),
    codeVerifier: generateCodeVerifier(),
    nonce: randomBytes(32).toString("base64url"),
    ...options,
    expiresAt: Date.now() + LIFETIME_SECONDS * 1000,
  };
}

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`oauth-flow:${payload}`).digest("base64url");
}

export function stateCookie(flow: OAuthFlow, secret: string, secure: boolean): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  return cookie(`${payload}.${signature(secret, payload)}`, LIFETIME_SECONDS, secure);
}

export function clearedStateCookie(secure: boolean): string {
  return cookie("", 0, secure);
}

/** The flow this browser started, or null when the cookie is missing, forged, edited or expired. */
export function readStateCookie(cookieHeader: string | null, secret: string): OAuthFlow | null {
  const value = readCookie(cookieHeader, STATE_COOKIE);
  const [payload, mac] = value?.split(".") ?? [];
  if (!payload || !mac || !sameString(mac, signature(secret, payload))) return null;
  const flow = flowSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  return flow.success && flow.data.expiresAt > Date.now() ? flow.data : null;
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  return [`${STATE_COOKIE}=${value}`, "Path=/auth", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`, secure ? "Secure" : null].filter(Boolean).join("; ");
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  for (const part of cookieHeader?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=") || null;
  }
  return null;
}
