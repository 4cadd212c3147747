import { randomBytes } from "node:crypto";
import { generateCodeVerifier } from "arctic";

/**
 * Between "Connect Slack" and the provider's callback, what the callback must check: the state (256
 * random bits), the PKCE verifier for providers that take one, and who started it where. It is kept as a
 * browser flow of the admin's session (app/services/browser-flows.server.ts): in the database, for
 * 10 minutes, spent by the first answer, and with no cookie of its own.
 */

export interface ConnectFlow {
  provider: string;
  workspaceId: string;
  userId: string;
  state: string;
  codeVerifier: string;
}

export function newConnectFlow(provider: string, workspaceId: string, userId: string): ConnectFlow {
  return { provider, workspaceId, userId, state: randomBytes(32).toString("base64url"), codeVerifier: generateCodeVerifier() };
}
