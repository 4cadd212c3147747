import { OAuth2Client, OAuth2RequestError, UnexpectedErrorResponseBodyError, UnexpectedResponseError, type OAuth2Tokens } from "arctic";
import { IntegrationError, type CodeExchange, type IntegrationProvider, type ProviderConfig, type TokenSet } from "../types";
import { slackPlatformError } from "./errors";
import { slackWebClient } from "./web-client";

/**
 * Installing the Bearing app into a Slack workspace ("Add to Slack", https://api.slack.com/authentication/oauth-v2).
 * arctic's `Slack` class is Sign in with Slack (OpenID) only, so the generic OAuth2Client does the
 * exchange against oauth.v2.access, whose failures arrive as HTTP 200 with `ok: false`: checked here.
 */

/** Bot scopes: list channels, post into them, read a thread's replies to import it. */
const SLACK_SCOPES = ["channels:read", "chat:write", "channels:history"];

export function slackProvider(config: ProviderConfig): IntegrationProvider {
  const base = config.baseUrl.replace(/\/+$/, "");
  const client = (redirectUri: string | null) => new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  const tokenEndpoint = `${base}/api/oauth.v2.access`;

  return {
    id: "slack",
    name: "Slack",
    features: ["post-messages", "import-transcripts"],
    scopes: SLACK_SCOPES,
    canRevoke: true,

    authorizationUrl({ state, redirectUri }) {
      // Slack separates scopes with commas (https://api.slack.com/methods/oauth.v2.access) and has no PKCE.
      const url = client(redirectUri).createAuthorizationURL(`${base}/oauth/v2/authorize`, state, []);
      url.searchParams.set("scope", SLACK_SCOPES.join(","));
      url.searchParams.delete("response_type");
      return url;
    },

    async exchangeCode({ code, redirectUri }): Promise<CodeExchange> {
      const tokens = await tokenRequest(() => client(redirectUri).validateAuthorizationCode(tokenEndpoint, code, null));
      const team = (tokens.data as { team?: { id?: string; name?: string } }).team;
      return { tokens: tokenSet(tokens), account: { id: team?.id ?? "", name: team?.name ?? "" } };
    },

    async refresh(refreshToken) {
      return tokenSet(await tokenRequest(() => client(null).refreshAccessToken(tokenEndpoint, refreshToken, [])));
    },

    async revoke(accessToken) {
      await slackWebClient(accessToken, base).revoke();
    },

    async accountInfo(accessToken) {
      return slackWebClient(accessToken, base).account();
    },
  };
}

async function tokenRequest(send: () => Promise<OAuth2Tokens>): Promise<OAuth2Tokens> {
  let tokens: OAuth2Tokens;
  try {
    tokens = await send();
  } catch (error) {
    if (error instanceof OAuth2RequestError) throw slackPlatformError(error.code);
    const status = error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError ? ` (HTTP ${error.status})` : "";
    throw new IntegrationError("slack", "unreachable", "token_request_failed", `Bearing could not complete the Slack authorisation${status}. Try again.`, null, { cause: error });
  }
  const answer = tokens.data as { ok?: boolean; error?: string };
  if (answer.ok !== true) throw slackPlatformError(answer.error ?? "unknown_error");
  return tokens;
}

function tokenSet(tokens: OAuth2Tokens): TokenSet {
  const data = tokens.data as { expires_in?: unknown };
  return {
    accessToken: tokens.accessToken(),
    refreshToken: tokens.hasRefreshToken() ? tokens.refreshToken() : null,
    // Only apps that opted into token rotation get expiring tokens (https://api.slack.com/authentication/rotation).
    accessTokenExpiresAt: typeof data.expires_in === "number" ? tokens.accessTokenExpiresAt() : null,
    scopesGranted: tokens.hasScopes() ? tokens.scopes().join(",").split(",").filter(Boolean) : [],
  };
}
