/**
 * A fake OpenID provider that plays Google and Microsoft on one local port, on the real paths:
 *   Google     GET /o/oauth2/v2/auth · POST /token · GET /v1/userinfo · GET /oauth2/v3/certs
 *              · GET /.well-known/openid-configuration · the picture URL of the ID token
 *   Microsoft  GET /{tenant}/oauth2/v2.0/authorize · POST /{tenant}/oauth2/v2.0/token
 *              · GET /{tenant}/discovery/v2.0/keys · GET /{tenant}/v2.0/.well-known/openid-configuration
 *              · Graph GET /v1.0/me · GET /v1.0/me/photos/96x96/$value · GET /oidc/userinfo
 * It auto-approves as the user set with `setUser` (no consent page), and refuses what the real
 * ones refuse, worded as they word it (protocol.ts). Docs:
 * https://developers.google.com/identity/openid-connect/openid-connect ,
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow ,
 * https://learn.microsoft.com/en-us/graph/api/profilephoto-get ,
 * https://learn.microsoft.com/en-us/entra/identity-platform/userinfo
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSigningKey, signIdToken } from "./id-tokens";
import { authorizeError, authorizePage, GRAPH_PHOTO_NOT_FOUND, resourceUnauthorized, tokenRefusal, type FakeProvider, type JsonAnswer } from "./protocol";
import { accountChooserPage, chosenAccount } from "./account-chooser";
import { idTokenClaims, MICROSOFT_CONSUMER_TENANT_ID, userinfoClaims } from "./claims";

export interface FakeOidcUser {
  sub: string;
  email: string;
  /** Google: `email_verified`. Microsoft: `xms_edov` in a work tenant (a personal account sends none). */
  emailVerified: boolean;
  name: string;
  /** Whether the account has a profile picture. */
  picture?: boolean;
  /** Microsoft: the account's tenant id; defaults to a work or school tenant. */
  tenantId?: string;
  /**
   * The claims of the `email` and `profile` scopes only in the userinfo answer, none in the ID token:
   * what OpenID Connect Core §5.4 describes for the code flow, and what some providers do.
   */
  claimsOnlyAtUserinfo?: boolean;
  /** A provider gone wrong (or an attack on it): its userinfo endpoint answers for this other `sub`. */
  userinfoSubject?: string;
}

export const FAKE_OIDC_CLIENTS = {
  google: { clientId: "bearing-test.apps.googleusercontent.com", clientSecret: "GOCSPX-fake-google-client-secret" },
  microsoft: { clientId: "3f1b2c4d-0000-4000-8000-00000000b3a7", clientSecret: "fake~microsoft~client~secret" },
} as const;

export const FAKE_WORK_TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export { MICROSOFT_CONSUMER_TENANT_ID };

export interface FakeOidc {
  url: string;
  /** Who approves the next authorizations; null: the person declines (`error=access_denied`). */
  setUser(user: FakeOidcUser | null): void;
  /** Registers redirect URIs (the app's callbacks), as in the provider's console. */
  allowRedirectUris(...uris: string[]): void;
  /** The app's environment variables pointing both providers at this fake. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

export interface IssuedCode {
  provider: FakeProvider;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
  scope: string;
  user: FakeOidcUser;
  expiresAt: number;
}

const CODE_LIFETIME_MS = 5 * 60 * 1000;
// A 1×1 PNG.
const PICTURE = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/**
 * `interactive`: with no user set, the authorize step shows an account chooser (account-chooser.ts)
 * instead of declining, as a real provider would; end-to-end specs sign in through it.
 */
export async function startFakeOidc({ port = 0, interactive = false }: { port?: number; interactive?: boolean } = {}): Promise<FakeOidc> {
  const key = createSigningKey();
  const redirectUris = new Set<string>();
  const codes = new Map<string, IssuedCode>();
  const redeemed = new Set<string>();
  const accessTokens = new Map<string, { provider: FakeProvider; user: FakeOidcUser; scopes: Set<string> }>();
  let user: FakeOidcUser | null = null;
  let url = "";

  const sendJson = (response: ServerResponse, { status, body, headers }: JsonAnswer) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
    response.end(JSON.stringify(body));
  };

  function authorize(provider: FakeProvider, query: URLSearchParams, tenant: string, response: ServerResponse, who: FakeOidcUser | null = user) {
    const client = FAKE_OIDC_CLIENTS[provider];
    const redirectUri = query.get("redirect_uri") ?? "";
    const page = (problem: "client" | "redirect", detail: string) => {
      response.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      response.end(authorizePage(provider, problem, detail));
    };
    if (query.get("client_id") !== client.clientId) return page("client", query.get("client_id") ?? "");
    if (!redirectUris.has(redirectUri)) return page("redirect", redirectUri);

    const back = new URL(redirectUri);
    const state = query.get("state");
    const finish = (params: Record<string, string>) => {
      for (const [name, value] of Object.entries(params)) back.searchParams.set(name, value);
      if (state) back.searchParams.set("state", state);
      response.writeHead(302, { location: back.href });
      response.end();
    };
    const invalid = (description: string) => finish(authorizeError(provider, "invalid_request", description));
    if (query.get("response_type") !== "code") return finish(authorizeError(provider, "unsupported_response_type", "Only response_type=code is supported."));
    const scope = query.get("scope") ?? "";
    if (!scope.split(" ").includes("openid")) return finish(authorizeError(provider, "invalid_scope", "The scope must include openid."));
    if (!state) return invalid("Missing required parameter: state");
    if (!query.get("nonce")) return invalid("Missing required parameter: nonce");
    if (query.get("code_challenge_method") !== "S256" || !/^[\w-]{43}$/.test(query.get("code_challenge") ?? "")) {
      return invalid("Invalid code_challenge or code_challenge_method: S256 is required.");
    }
    if (!who && interactive) {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return response.end(accountChooserPage(provider, tenant, query));
    }
    if (!who) return finish(authorizeError(provider, "access_denied", "The user has denied access to the scope requested by the client application."));

    const code = `${provider === "google" ? "4/0A" : "1.A"}${randomBytes(32).toString("base64url")}`;
    codes.set(code, {
      provider,
      clientId: client.clientId,
      redirectUri,
      codeChallenge: query.get("code_challenge")!,
      nonce: query.get("nonce")!,
      scope,
      user: provider === "microsoft" ? { ...who, tenantId: who.tenantId ?? (tenant === "consumers" ? MICROSOFT_CONSUMER_TENANT_ID : FAKE_WORK_TENANT_ID) } : who,
      expiresAt: Date.now() + CODE_LIFETIME_MS,
    });
    finish(provider === "google" ? { code, scope, authuser: "0", prompt: "consent" } : { code, session_state: randomBytes(16).toString("hex") });
  }

  function token(provider: FakeProvider, form: URLSearchParams, authorization: string | undefined, response: ServerResponse) {
    const client = FAKE_OIDC_CLIENTS[provider];
    const refuse = (refusal: Parameters<typeof tokenRefusal>[1]) => sendJson(response, tokenRefusal(provider, refusal));
    // Both accept client_secret_basic and client_secret_post.
    const basic = authorization?.startsWith("Basic ") ? Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":") : null;
    const [clientId, clientSecret] = basic ? [decodeURIComponent(basic[0] ?? ""), decodeURIComponent(basic.slice(1).join(":"))] : [form.get("client_id"), form.get("client_secret")];
    if (!clientId || !clientSecret) return refuse("client-missing");
    if (clientId !== client.clientId || !same(clientSecret, client.clientSecret)) return refuse("client-invalid");
    if (form.get("grant_type") !== "authorization_code") return refuse("grant-type");

    const code = form.get("code") ?? "";
    const issued = codes.get(code);
    codes.delete(code);
    if (!issued) return refuse(redeemed.has(code) ? "code-redeemed" : "code-invalid");
    redeemed.add(code);
    if (issued.provider !== provider || issued.clientId !== clientId) return refuse("code-invalid");
    if (issued.expiresAt <= Date.now()) return refuse("code-expired");
    if (form.get("redirect_uri") !== issued.redirectUri) return refuse("redirect-mismatch");
    const verifier = form.get("code_verifier");
    if (!verifier) return refuse("verifier-missing");
    if (!same(createHash("sha256").update(verifier).digest("base64url"), issued.codeChallenge)) return refuse("verifier-mismatch");

    const accessToken = `${provider === "google" ? "ya29." : "EwB"}${randomBytes(32).toString("base64url")}`;
    accessTokens.set(accessToken, { provider, user: issued.user, scopes: new Set(issued.scope.split(" ")) });
    sendJson(response, {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: 3599,
        ...(provider === "microsoft" ? { ext_expires_in: 3599 } : {}),
        scope: provider === "google" ? issued.scope : "openid profile email User.Read",
        token_type: "Bearer",
        id_token: signIdToken(key, idTokenClaims(url, issued)),
      },
    });
  }

  function bearer(request: IncomingMessage, provider: FakeProvider) {
    const found = accessTokens.get((request.headers.authorization ?? "").replace(/^Bearer /, ""));
    return found?.provider === provider ? found : null;
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const { pathname, searchParams } = new URL(request.url ?? "/", url);
    const ms = pathname.match(/^\/([\w.-]+)\/oauth2\/v2\.0\/(authorize|token)$/);
    if (request.method === "GET" && pathname === "/o/oauth2/v2/auth") return authorize("google", searchParams, "", response);
    if (request.method === "POST" && pathname === "/__fake/choose-account" && interactive) {
      const chosen = chosenAccount(new URLSearchParams(await readBody(request)));
      return authorize(chosen.provider, chosen.query, chosen.tenant, response, chosen.user);
    }
    if (request.method === "GET" && ms?.[2] === "authorize") return authorize("microsoft", searchParams, ms[1]!, response);
    if (request.method === "POST" && (pathname === "/token" || ms?.[2] === "token")) {
      const form = new URLSearchParams(await readBody(request));
      return token(pathname === "/token" ? "google" : "microsoft", form, request.headers.authorization, response);
    }
    if (pathname === "/v1/userinfo" || pathname === "/oidc/userinfo") {
      const provider = pathname === "/v1/userinfo" ? "google" : "microsoft";
      const grant = bearer(request, provider);
      if (!grant) return sendJson(response, resourceUnauthorized(provider));
      return sendJson(response, { status: 200, body: userinfoClaims(url, provider, grant) });
    }
    if (pathname === "/v1.0/me" || pathname === "/v1.0/me/photos/96x96/$value") {
      const who = bearer(request, "microsoft")?.user;
      if (!who) return sendJson(response, resourceUnauthorized("microsoft"));
      if (pathname === "/v1.0/me") return sendJson(response, { status: 200, body: { id: who.sub, displayName: who.name, mail: who.email, userPrincipalName: who.email } });
      if (!who.picture) return sendJson(response, GRAPH_PHOTO_NOT_FOUND);
      response.writeHead(200, { "content-type": "image/png" });
      return response.end(PICTURE);
    }
    if (pathname.startsWith("/a/")) {
      response.writeHead(200, { "content-type": "image/png" });
      return response.end(PICTURE);
    }
    if (pathname === "/oauth2/v3/certs" || /^\/[\w.-]+\/discovery\/v2\.0\/keys$/.test(pathname)) return sendJson(response, { status: 200, body: key.jwks });
    if (pathname === "/.well-known/openid-configuration") {
      return sendJson(response, { status: 200, body: { issuer: url, authorization_endpoint: `${url}/o/oauth2/v2/auth`, token_endpoint: `${url}/token`, userinfo_endpoint: `${url}/v1/userinfo`, jwks_uri: `${url}/oauth2/v3/certs` } });
    }
    sendJson(response, { status: 404, body: { error: "not_found" } });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    setUser(next) {
      user = next;
    },
    allowRedirectUris(...uris) {
      for (const uri of uris) redirectUris.add(uri);
    },
    env: () => ({
      GOOGLE_CLIENT_ID: FAKE_OIDC_CLIENTS.google.clientId,
      GOOGLE_CLIENT_SECRET: FAKE_OIDC_CLIENTS.google.clientSecret,
      GOOGLE_AUTHORIZATION_URL: `${url}/o/oauth2/v2/auth`,
      GOOGLE_TOKEN_URL: `${url}/token`,
      GOOGLE_USERINFO_URL: `${url}/v1/userinfo`,
      GOOGLE_ISSUER: url,
      MICROSOFT_CLIENT_ID: FAKE_OIDC_CLIENTS.microsoft.clientId,
      MICROSOFT_CLIENT_SECRET: FAKE_OIDC_CLIENTS.microsoft.clientSecret,
      MICROSOFT_AUTHORITY: url,
      MICROSOFT_GRAPH_URL: url,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function same(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}
