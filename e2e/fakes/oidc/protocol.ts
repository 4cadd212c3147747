/**
 * What Google and Microsoft answer, field for field, on success and on error. The server
 * (server.ts) decides which answer; this file only says how each provider words it.
 * Google: https://developers.google.com/identity/openid-connect/openid-connect ,
 *         https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code
 * Microsoft: https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow ,
 *            https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes
 */
import { randomUUID } from "node:crypto";

export type FakeProvider = "google" | "microsoft";

/** Why the token endpoint refuses, in provider-neutral terms. */
export type TokenRefusal =
  | "client-missing"
  | "client-invalid"
  | "grant-type"
  | "code-invalid"
  | "code-redeemed"
  | "code-expired"
  | "redirect-mismatch"
  | "verifier-missing"
  | "verifier-mismatch";

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const GOOGLE_REFUSALS: Record<TokenRefusal, JsonAnswer> = {
  "client-missing": { status: 401, body: { error: "invalid_client", error_description: "Unauthorized" } },
  "client-invalid": { status: 401, body: { error: "invalid_client", error_description: "Unauthorized" } },
  "grant-type": { status: 400, body: { error: "unsupported_grant_type", error_description: "Invalid grant_type: " } },
  "code-invalid": { status: 400, body: { error: "invalid_grant", error_description: "Malformed auth code." } },
  "code-redeemed": { status: 400, body: { error: "invalid_grant", error_description: "Bad Request" } },
  "code-expired": { status: 400, body: { error: "invalid_grant", error_description: "Bad Request" } },
  "redirect-mismatch": { status: 400, body: { error: "redirect_uri_mismatch", error_description: "Bad Request" } },
  "verifier-missing": { status: 400, body: { error: "invalid_grant", error_description: "Missing code verifier." } },
  "verifier-mismatch": { status: 400, body: { error: "invalid_grant", error_description: "Invalid code verifier." } },
};

const MICROSOFT_REFUSALS: Record<TokenRefusal, [status: number, error: string, code: number, description: string]> = {
  "client-missing": [401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."],
  "client-invalid": [401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app."],
  "grant-type": [400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type."],
  "code-invalid": [400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."],
  "code-redeemed": [400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."],
  "code-expired": [400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."],
  "redirect-mismatch": [400, "invalid_grant", 500112, "The reply address does not match the reply address provided when requesting Authorization code."],
  "verifier-missing": [400, "invalid_grant", 50148, "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE."],
  "verifier-mismatch": [400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request."],
};

/** Microsoft's error body: AADSTS code, trace and correlation ids, timestamp, error_uri. */
function microsoftError(status: number, error: string, code: number, description: string): JsonAnswer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

export function tokenRefusal(provider: FakeProvider, refusal: TokenRefusal): JsonAnswer {
  if (provider === "google") return GOOGLE_REFUSALS[refusal];
  const [status, error, code, description] = MICROSOFT_REFUSALS[refusal];
  return microsoftError(status, error, code, description);
}

/**
 * An authorization request so wrong that the provider will not redirect back (unknown client or
 * unregistered redirect URI): both show an error page to the person instead.
 */
export function authorizePage(provider: FakeProvider, problem: "client" | "redirect", detail: string): string {
  const message =
    provider === "google"
      ? problem === "client"
        ? "Error 401: invalid_client. The OAuth client was not found."
        : `Error 400: redirect_uri_mismatch. You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. ${detail}`
      : problem === "client"
        ? `AADSTS700016: Application with identifier '${detail}' was not found in the directory.`
        : `AADSTS50011: The redirect URI '${detail}' specified in the request does not match the redirect URIs configured for the application.`;
  return `<!doctype html><title>Sign in</title><h1>${problem === "client" ? "Access blocked" : "Sorry, but we're having trouble signing you in."}</h1><p>${escapeHtml(message)}</p>`;
}

/** Parameters added to a redirect back that carries an error (RFC 6749 §4.1.2.1). */
export function authorizeError(provider: FakeProvider, error: string, description: string): Record<string, string> {
  if (provider === "google") return { error, ...(error === "access_denied" ? {} : { error_description: description }) };
  const code = error === "access_denied" ? 65004 : 900144;
  return { error, error_description: `AADSTS${code}: ${description}`, error_uri: `https://login.microsoftonline.com/error?code=${code}` };
}

/** 401 from a resource (Google userinfo, Microsoft Graph) for a missing or unknown access token. */
export function resourceUnauthorized(provider: FakeProvider): JsonAnswer {
  return provider === "google"
    ? { status: 401, headers: { "www-authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"' }, body: { error: "invalid_request", error_description: "Invalid Credentials" } }
    : { status: 401, headers: { "www-authenticate": 'Bearer realm="", error="invalid_token"' }, body: { error: { code: "InvalidAuthenticationToken", message: "Access token validation failure. Invalid audience." } } };
}

export const GRAPH_PHOTO_NOT_FOUND: JsonAnswer = {
  status: 404,
  body: { error: { code: "ImageNotFound", message: "Exception of type 'Microsoft.Fast.Profile.Core.Exception.ImageNotFoundException' was thrown." } },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
