import { createHmac, randomBytes } from "node:crypto";
import { generateCodeVerifier } from "arctic";
import { z } from "zod";
import { sameString } from "../../services/oauth/id-token.server";
import { readCookie } from "../../services/oauth/state-cookie.server";

/**
 * Between "Connect Slack" and the provider's callback, the browser holds what the callback must
 * check: the state (256 random bits), the PKCE verifier for providers that take one, and who started
 * it where. Like the sign-in flow's cookie (app/services/oauth/state-cookie.server.ts) it is
 * HMAC-signed with SESSION_SECRET and lives 10 minutes; it is sent only to /w, where callbacks live.
 */

export const CONNECT_COOKIE = "bearing_integration";
const LIFETIME_SECONDS = 10 * 60;

const flowSchema = z.object({
  provider: z.string().min(1),
  workspaceId: z.string(),
  userId: z.string(),
  state: z.string().min(22),
  codeVerifier: z.string().min(43),
  expiresAt: z.number(),
});

export type ConnectFlow = z.infer<typeof flowSchema>;

export function newConnectFlow(provider: string, workspaceId: string, userId: string): ConnectFlow {
  return {
    provider,
    workspaceId,
    userId,
    state: randomBytes(32).toString("base64url"),
    codeVerifier: generateCodeVerifier(),
    expiresAt: Date.now() + LIFETIME_SECONDS * 1000,
  };
}

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`integration-connect:${payload}`).digest("base64url");
}

export function connectCookie(flow: ConnectFlow, secret: string, secure: boolean): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  return cookie(`${payload}.${signature(secret, payload)}`, LIFETIME_SECONDS, secure);
}

export function clearedConnectCookie(secure: boolean): string {
  return cookie("", 0, secure);
}

/** The flow this browser started, or null when the cookie is missing, forged, edited or expired. */
export function readConnectCookie(cookieHeader: string | null, secret: string): ConnectFlow | null {
  const value = readCookie(cookieHeader, CONNECT_COOKIE);
  const [payload, mac] = value?.split(".") ?? [];
  if (!payload || !mac || !sameString(mac, signature(secret, payload))) return null;
  const flow = flowSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  return flow.success && flow.data.expiresAt > Date.now() ? flow.data : null;
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  return [`${CONNECT_COOKIE}=${value}`, "Path=/w", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`, secure ? "Secure" : null].filter(Boolean).join("; ");
}
