import type { Database } from "../../../db/database";
import type { IntegrationProvider as ProviderId } from "../../../db/schema";
import { IntegrationError, type CodeExchange, type IntegrationProvider } from "../../../integrations/types";
import type { Config } from "../../services/env.server";
import { AppError } from "../../services/errors.server";
import type { Logger } from "../../services/logger.server";
import { deleteSecrets, readSecret, storeSecret } from "../../services/token-vault/vault.server";
import { configuredProvider, providerName } from "./providers.server";

const COLUMNS = [
  "id", "provider", "status", "account_id", "account_name", "scopes_requested", "scopes_granted", "settings",
  "last_sync_at", "last_error", "connected_at",
] as const;

export function listConnections(db: Database, workspaceId: string) {
  return db.selectFrom("integration_connections").select(COLUMNS).where("workspace_id", "=", workspaceId).orderBy("connected_at").execute();
}

export function getConnection(db: Database, workspaceId: string, provider: ProviderId) {
  return db.selectFrom("integration_connections").select(COLUMNS).where("workspace_id", "=", workspaceId).where("provider", "=", provider).executeTakeFirst();
}

export type Connection = NonNullable<Awaited<ReturnType<typeof getConnection>>>;

export async function requireConnection(db: Database, workspaceId: string, provider: ProviderId): Promise<Connection> {
  const connection = await getConnection(db, workspaceId, provider);
  if (!connection) throw new AppError(409, "Not connected", `Connect ${providerName(provider)} first, from Settings → Integrations.`);
  return connection;
}

/**
 * Records a finished authorisation: the connection row (replacing an earlier one of the same
 * provider, whose secrets its cascade removes) and its tokens, encrypted by the token vault.
 */
export function saveConnection(db: Database, config: Config, workspaceId: string, userId: string, provider: IntegrationProvider, exchange: CodeExchange) {
  const { tokens, account } = exchange;
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("integration_connections").where("workspace_id", "=", workspaceId).where("provider", "=", provider.id).execute();
    const { id } = await trx
      .insertInto("integration_connections")
      .values({
        workspace_id: workspaceId,
        provider: provider.id,
        account_id: account.id,
        account_name: account.name,
        scopes_requested: provider.scopes,
        scopes_granted: tokens.scopesGranted,
        connected_by: userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ref = { workspaceId, connectionId: id };
    await storeSecret(trx, config, { ...ref, field: "access_token" }, tokens.accessToken, tokens.accessTokenExpiresAt);
    if (tokens.refreshToken) await storeSecret(trx, config, { ...ref, field: "refresh_token" }, tokens.refreshToken);
    return id;
  });
}

export async function accessToken(db: Database, config: Config, connection: Pick<Connection, "id">, workspaceId: string): Promise<string> {
  const secret = await readSecret(db, config, { workspaceId, connectionId: connection.id, field: "access_token" });
  if (!secret) throw new AppError(409, "Not connected", "This connection has no token any more. Disconnect it and connect again.");
  return secret.value;
}

export async function updateConnectionSettings(db: Database, workspaceId: string, connectionId: string, settings: Record<string, unknown>) {
  await db
    .updateTable("integration_connections")
    .set({ settings: JSON.stringify(settings) })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", connectionId)
    .execute();
}

/** Remembers how the last call to the provider went, for the settings page. */
export async function recordOutcome(db: Database, workspaceId: string, connectionId: string, error: IntegrationError | null) {
  await db
    .updateTable("integration_connections")
    .set(
      error
        ? { last_error: error.message, ...(error.kind === "unauthorized" ? { status: "error" as const } : {}) }
        : { last_error: null, status: "connected", last_sync_at: new Date() },
    )
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", connectionId)
    .execute();
}

/**
 * Disconnecting (privacy promise 8): the token is revoked at the provider first, then the row and its
 * secrets go. A token the provider already rejects is as good as revoked; when the provider cannot be
 * reached, nothing is deleted, so the token is not forgotten while it still works there.
 */
/**
 * Before workspaces are deleted for good (the 30-day purge, an account deletion), every connection's
 * token is revoked where its provider offers that, so nothing stays authorised for a workspace that no
 * longer exists. A provider that cannot be reached is logged and passed over: our only copy of the token
 * goes with the workspace either way. Answers how many tokens were revoked.
 */
export async function revokeConnectionsOf(db: Database, config: Config, workspaceIds: readonly string[], logger: Pick<Logger, "warn">): Promise<number> {
  if (workspaceIds.length === 0) return 0;
  const connections = await db.selectFrom("integration_connections").select(["workspace_id", "id", "provider"]).where("workspace_id", "in", workspaceIds).execute();
  let revoked = 0;
  for (const connection of connections) {
    const provider = configuredProvider(config, connection.provider);
    if (!provider?.canRevoke) continue;
    try {
      const secret = await readSecret(db, config, { workspaceId: connection.workspace_id, connectionId: connection.id, field: "access_token" });
      if (!secret) continue;
      await provider.revoke(secret.value);
      revoked += 1;
    } catch (error) {
      logger.warn({ err: error, provider: connection.provider }, "a token was not revoked before its workspace was deleted");
    }
  }
  return revoked;
}

export async function disconnect(db: Database, config: Config, workspaceId: string, provider: IntegrationProvider): Promise<void> {
  const connection = await requireConnection(db, workspaceId, provider.id);
  const secret = await readSecret(db, config, { workspaceId, connectionId: connection.id, field: "access_token" });
  if (secret && provider.canRevoke) {
    try {
      await provider.revoke(secret.value);
    } catch (error) {
      if (!(error instanceof IntegrationError) || error.kind !== "unauthorized") {
        const reason = error instanceof IntegrationError ? error.message : "The provider could not be reached.";
        throw new AppError(502, "Not disconnected", `${provider.name} did not confirm the token was revoked, so it is kept for now: ${reason}`, { cause: error });
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    await deleteSecrets(trx, workspaceId, connection.id);
    await trx.deleteFrom("integration_connections").where("workspace_id", "=", workspaceId).where("id", "=", connection.id).execute();
  });
}
