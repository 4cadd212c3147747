import { OAuth2Client, OAuth2RequestError, UnexpectedErrorResponseBodyError, UnexpectedResponseError, type OAuth2Tokens } from "arctic";
import { IntegrationError, type CodeExchange, type IntegrationProvider, type ProviderConfig } from "../types";
import { notionClient } from "./notion-client";
import { notionUnauthorized } from "./errors";

/**
 * Connecting Notion with a public integration's OAuth 2.0 (https://developers.notion.com/docs/authorization):
 * the consent page at /v1/oauth/authorize (owner=user), the code traded at /v1/oauth/token with HTTP Basic
 * client authentication. Notion has no scopes: what the integration may do is its "capabilities", set once in
 * Notion's integration settings, and the user picks which pages to share. Access tokens do not expire and
 * Notion offers no revocation endpoint, so disconnecting deletes the token here only.
 */

/** The capabilities the Bearing integration must be configured with in Notion (shown in place of scopes). */
const NOTION_CAPABILITIES = ["read_content", "insert_content", "update_content"];

export function notionProvider(config: ProviderConfig): IntegrationProvider {
  const base = config.baseUrl.replace(/\/+$/, "");
  const client = (redirectUri: string | null) => new OAuth2Client(config.clientId, config.clientSecret, redirectUri);

  return {
    id: "notion",
    name: "Notion",
    features: ["import-transcripts", "export-roadmap"],
    scopes: NOTION_CAPABILITIES,
    canRevoke: false,

    authorizationUrl({ state, redirectUri }) {
      const url = client(redirectUri).createAuthorizationURL(`${base}/v1/oauth/authorize`, state, []);
      url.searchParams.delete("scope");
      url.searchParams.set("owner", "user");
      return url;
    },

    async exchangeCode({ code, redirectUri }): Promise<CodeExchange> {
      const tokens = await tokenRequest(() => client(redirectUri).validateAuthorizationCode(`${base}/v1/oauth/token`, code, null));
      const data = tokens.data as { workspace_id?: string; workspace_name?: string | null };
      return {
        tokens: { accessToken: tokens.accessToken(), refreshToken: null, accessTokenExpiresAt: null, scopesGranted: NOTION_CAPABILITIES },
        account: { id: data.workspace_id ?? "", name: data.workspace_name || "Notion workspace" },
      };
    },

    async refresh() {
      throw new IntegrationError("notion", "unauthorized", "no_refresh", "Notion tokens do not expire; connect Notion again if it stopped working.");
    },

    async revoke() {
      // Nothing to call: see canRevoke.
    },

    async accountInfo(accessToken) {
      return notionClient({ baseUrl: base, accessToken }).me();
    },
  };
}

async function tokenRequest(send: () => Promise<OAuth2Tokens>): Promise<OAuth2Tokens> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof OAuth2RequestError) throw notionUnauthorized(error.code);
    const status = error instanceof UnexpectedResponseError || error instanceof UnexpectedErrorResponseBodyError ? error.status : null;
    const suffix = status ? ` (HTTP ${status})` : "";
    throw new IntegrationError("notion", "unreachable", "token_request_failed", `Bearing could not complete the Notion authorisation${suffix}. Try again.`, null, { cause: error });
  }
}
