import type { Database } from "../../../../db/database";
import { jiraSiteClient, type JiraSiteClient } from "../../../../integrations/jira/jira-client";
import { accessibleSites, jiraProvider, type AccessibleSite } from "../../../../integrations/jira/oauth";
import { IntegrationError } from "../../../../integrations/types";
import type { Config } from "../../../services/env.server";
import { AppError } from "../../../services/errors.server";
import { readSecret, storeSecret } from "../../../services/token-vault/vault.server";
import { recordOutcome, requireConnection, updateConnectionSettings, type Connection } from "../connections.server";

/**
 * Access to a workspace's Jira: a current access token (refreshed, with rotation, when it is about to
 * expire) and the site the workspace chose among those the authorisation reaches.
 */

export interface JiraSite {
  cloudId: string;
  name: string;
  url: string;
}

export interface JiraAccess {
  connectionId: string;
  site: JiraSite;
  client: JiraSiteClient;
}

// Refresh a little early, so a token does not expire between the check and the call.
const EARLY_SECONDS = 60;

function requireJiraConfig(config: Config) {
  if (!config.integrations.jira) throw new AppError(404, "Not found", "Jira is not set up on this server (ATLASSIAN_CLIENT_ID).");
  return config.integrations.jira;
}

export function chosenSite(connection: Pick<Connection, "settings">): JiraSite | null {
  const { cloudId, siteName, siteUrl } = connection.settings as { cloudId?: string; siteName?: string; siteUrl?: string };
  return cloudId && siteUrl ? { cloudId, name: siteName ?? siteUrl, url: siteUrl } : null;
}

/** The sites the connected account can reach, for the "choose a site" form. */
export async function listJiraSites(db: Database, config: Config, workspaceId: string): Promise<AccessibleSite[]> {
  const connection = await requireConnection(db, workspaceId, "jira");
  return withFreshToken(db, config, workspaceId, connection.id, (token) => accessibleSites(requireJiraConfig(config).apiUrl, token));
}

/** Remembers the chosen site; only a site this authorisation reaches can be chosen. */
export async function chooseJiraSite(db: Database, config: Config, workspaceId: string, cloudId: string): Promise<JiraSite> {
  const connection = await requireConnection(db, workspaceId, "jira");
  const site = (await listJiraSites(db, config, workspaceId)).find((candidate) => candidate.id === cloudId);
  if (!site) throw new AppError(422, "Unknown site", "This Jira site is not among those the connected account can reach.");
  await updateConnectionSettings(db, workspaceId, connection.id, { ...connection.settings, cloudId: site.id, siteName: site.name, siteUrl: site.url });
  return { cloudId: site.id, name: site.name, url: site.url };
}

/** Runs `use` with a Jira client for the chosen site; a token Jira rejects is refreshed once and the call repeated. */
export async function withJira<T>(db: Database, config: Config, workspaceId: string, run: (access: JiraAccess) => Promise<T>): Promise<T> {
  const jira = requireJiraConfig(config);
  const connection = await requireConnection(db, workspaceId, "jira");
  const site = chosenSite(connection);
  if (!site) throw new AppError(409, "Choose a Jira site", "Choose which Jira site to use, in Settings → Integrations.");
  return withFreshToken(db, config, workspaceId, connection.id, (accessToken) =>
    run({ connectionId: connection.id, site, client: jiraSiteClient({ apiUrl: jira.apiUrl, cloudId: site.cloudId, accessToken }) }),
  );
}

async function withFreshToken<T>(db: Database, config: Config, workspaceId: string, connectionId: string, run: (token: string) => Promise<T>): Promise<T> {
  const ref = { workspaceId, connectionId, field: "access_token" as const };
  const stored = await readSecret(db, config, ref);
  const token = stored && !expiresSoon(stored.expiresAt) ? stored.value : await refreshJiraTokens(db, config, workspaceId, connectionId, null);
  try {
    return await run(token);
  } catch (error) {
    if (!(error instanceof IntegrationError) || error.kind !== "unauthorized") throw error;
    // Revoked early or expired in between: one refresh, then the answer stands.
    return run(await refreshJiraTokens(db, config, workspaceId, connectionId, token));
  }
}

/**
 * Trades the refresh token for a new pair and stores both before returning. Atlassian rotates refresh
 * tokens (each works once), so two refreshes racing would spend the same token and one would lose the
 * pair: the connection row is locked `for update`, and whoever waited uses the token the first stored.
 * `rejected` is an access token the API refused, which must not be handed out again.
 */
async function refreshJiraTokens(db: Database, config: Config, workspaceId: string, connectionId: string, rejected: string | null): Promise<string> {
  const provider = jiraProvider(requireJiraConfig(config));
  const ref = { workspaceId, connectionId };
  try {
    return await db.transaction().execute(async (trx) => {
      await trx
        .selectFrom("integration_connections")
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", connectionId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const current = await readSecret(trx, config, { ...ref, field: "access_token" });
      if (current && !expiresSoon(current.expiresAt) && current.value !== rejected) return current.value;
      const refreshToken = await readSecret(trx, config, { ...ref, field: "refresh_token" });
      if (!refreshToken) throw new IntegrationError("jira", "unauthorized", "no_refresh_token", "Jira gave no refresh token. Disconnect Jira and connect it again.");
      const tokens = await provider.refresh(refreshToken.value);
      await storeSecret(trx, config, { ...ref, field: "access_token" }, tokens.accessToken, tokens.accessTokenExpiresAt);
      if (tokens.refreshToken) await storeSecret(trx, config, { ...ref, field: "refresh_token" }, tokens.refreshToken);
      return tokens.accessToken;
    });
  } catch (error) {
    if (error instanceof IntegrationError) await recordOutcome(db, workspaceId, connectionId, error);
    throw error;
  }
}

function expiresSoon(expiresAt: Date | null): boolean {
  return expiresAt !== null && expiresAt.getTime() - EARLY_SECONDS * 1000 <= Date.now();
}
