import { randomBytes } from "node:crypto";
import { generateCodeVerifier } from "arctic";
import type { OAuthProvider } from "./providers.server";

/**
 * Between "Continue with Google" and the callback, what the callback must check: the state (256 random
 * bits; The Copenhagen Book asks for at least 112), the PKCE verifier and the nonce, plus where to go
 * next. It is kept as a browser flow (app/services/browser-flows.server.ts): in the database, found
 * through this browser's session cookie, for 10 minutes, and only once.
 */

export interface OAuthFlow {
  provider: OAuthProvider;
  state: string;
  codeVerifier: string;
  nonce: string;
  redirectTo: string;
  mode: "sign-in" | "link";
  /** For "link": the account the identity is being linked to; the callback must see the same one signed in. */
  userId: string | null;
}

export function newFlow(provider: OAuthProvider, options: { redirectTo: string; mode: OAuthFlow["mode"]; userId: string | null }): OAuthFlow {
  return {
    provider,
    state: randomBytes(32).toString("base64url"),
    codeVerifier: generateCodeVerifier(),
    nonce: randomBytes(32).toString("base64url"),
    ...options,
  };
}
