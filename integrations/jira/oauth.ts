import { OAuth2Client, OAuth2RequestError, UnexpectedErrorResponseBodyError, UnexpectedResponseError, type OAuth2Tokens } from "arctic";
import { IntegrationError, type CodeExchange, type IntegrationProvider, type ProviderConfig, type TokenSet } from "../types";
import { jiraUnauthorized } from "./errors";

/**
 * Connecting Jira Cloud with Atlassian OAuth 2.0 (3LO), https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/.
 * arctic's Atlassian class has fixed endpoints, so the generic OAuth2Client takes them from configuration
 * (tests point them at fake-server.ts). Refresh tokens rotate: every refresh answers a new one and spends the
 * old, so callers must store the new one before anything else can fail.
 */

const JIRA_SCOPES = ["read:jira-work", "write:jira-work", "offline_access", "read:me"];

export interface JiraProviderConfig extends ProviderConfig {
  /** auth.atlassian.com (baseUrl) issues tokens; api.atlassian.com serves the sites, /me and the Jira gateway. */
  apiUrl: string;
}

export interface AccessibleSite {
  /** The cloud id: the Jira REST API lives at `${apiUrl}/ex/jira/${id}`. */
  id: string;
  name: string;
  url: string;
  scopes: string[];
}

export function jiraProvider(config: JiraProviderConfig): IntegrationProvider {
  const authBase = config.baseUrl.replace(/\/+$/, "");
  const apiBase = config.apiUrl.replace(/\/+$/, "");
  const client = (redirectUri: string | null) => new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  const tokenEndpoint = `${authBase}/oauth/token`;

  return {
    id: "jira",
    name: "Jira",
    features: ["import-initiatives", "push-initiatives"],
    scopes: JIRA_SCOPES,
    // Atlassian offers no token revocation endpoint for 3LO apps: disconnecting deletes the tokens here.
    canRevoke: false,

    authorizationUrl({ state, redirectUri }) {
      // Atlassian 3LO takes no PKCE; audience and prompt=consent are required for Jira with a refresh token.
      const url = client(redirectUri).createAuthorizationURL(`${authBase}/authorize`, state, JIRA_SCOPES);
      url.searchParams.set("audience", "api.atlassian.com");
      url.searchParams.set("prompt", "consent");
      return url;
    },

    async exchangeCode({ code, redirectUri }): Promise<CodeExchange> {
      const tokens = tokenSet(await tokenRequest(() => client(redirectUri).validateAuthorizationCode(tokenEndpoint, code, null)));
      return { tokens, account: await me(apiBase, tokens.accessToken) };
    },

    async refresh(refreshToken) {
      return tokenSet(await tokenRequest(() => client(null).refreshAccessToken(tokenEndpoint, refreshToken, [])));
    },

    async revoke() {
      // Nothing to call: see canRevoke.
    },

    accountInfo: (accessToken) => me(apiBase, accessToken),
  };
}

/** The Jira sites this authorisation reaches (https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3-1-get-the-cloudid-for-your-site). */
export async function accessibleSites(apiUrl: string, accessToken: string): Promise<AccessibleSite[]> {
  const sites = (await getJson(`${apiUrl.replace(/\/+$/, "")}/oauth/token/accessible-resources`, accessToken)) as AccessibleSite[];
  return sites.map(({ id, name, url, scopes }) => ({ id, name, url, scopes }));
}

async function me(apiBase: string, accessToken: string) {
  const account = (await getJson(`${apiBase}/me`, accessToken)) as { account_id: string; name?: string; email?: string };
  return { id: account.account_id, name: account.name || account.email || account.account_id };
}

async function getJson(url: string, accessToken: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } });
  } catch (cause) {
    throw new IntegrationError("jira", "unreachable", "unreachable", "Bearing could not reach Atlassian. Try again in a moment.", null, { cause });
  }
  if (response.status === 401) throw jiraUnauthorized();
  if (!response.ok) throw new IntegrationError("jira", "provider", `http_${response.status}`, `Atlassian answered with an error (HTTP ${response.status}).`);
  return response.json();
}

async function tokenRequest(send: () => Promise<OAuth2Tokens>): Promise<OAuth2Tokens> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof OAuth2RequestError) throw jiraUnauthorized(error.code);
    // Atlassian answers a spent or unknown refresh token with 403 invalid_grant, which arctic reports without its body.
    const status = error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError ? error.status : null;
    if (status === 403) throw jiraUnauthorized("invalid_grant");
    const suffix = status ? ` (HTTP ${status})` : "";
    throw new IntegrationError("jira", "unreachable", "token_request_failed", `Bearing could not complete the Atlassian authorisation${suffix}. Try again.`, null, { cause: error });
  }
}

function tokenSet(tokens: OAuth2Tokens): TokenSet {
  return {
    accessToken: tokens.accessToken(),
    refreshToken: tokens.hasRefreshToken() ? tokens.refreshToken() : null,
    accessTokenExpiresAt: "expires_in" in tokens.data ? tokens.accessTokenExpiresAt() : null,
    scopesGranted: tokens.hasScopes() ? tokens.scopes() : [],
  };
}
