import { sql } from "kysely";
import type { SecretField } from "../../../db/schema";
import { openWithAesGcm, sealWithAesGcm } from "./aes-gcm.server";
import { TokenVaultError } from "./errors.server";
import { masterKeyRing, type VaultConfig } from "./master-keys.server";
import { currentWorkspaceKey, unwrapWorkspaceKey, type Queryable } from "./workspace-keys.server";

// The token vault (PRODUCT.md §5, privacy promise 2; docs/decisions/010-token-vault.md): integration
// tokens are encrypted with AES-256-GCM under their workspace's data key before they are written.

export { TokenVaultError } from "./errors.server";
export type { VaultConfig } from "./master-keys.server";
export type { Queryable } from "./workspace-keys.server";

export interface SecretRef {
  workspaceId: string;
  connectionId: string;
  field: SecretField;
}

// The row's identity is the associated data: a ciphertext copied to another workspace, connection
// or field no longer authenticates.
function secretAssociatedData(ref: SecretRef): string {
  return `bearing-secret:v1:${ref.workspaceId}:${ref.connectionId}:${ref.field}`;
}

function secretLabel(ref: SecretRef): string {
  return `The stored ${ref.field.replace("_", " ")} for connection ${ref.connectionId} of workspace ${ref.workspaceId}`;
}

/** Encrypts and stores (or replaces) one secret of a connection. The connection row must exist. */
export async function storeSecret(
  db: Queryable,
  config: VaultConfig,
  ref: SecretRef,
  plaintext: string,
  expiresAt: Date | null = null,
): Promise<void> {
  const dataKey = await currentWorkspaceKey(db, masterKeyRing(config), ref.workspaceId);
  const ciphertext = sealWithAesGcm(dataKey.key, Buffer.from(plaintext, "utf8"), secretAssociatedData(ref));
  await db
    .insertInto("integration_secrets")
    .values({
      workspace_id: ref.workspaceId,
      connection_id: ref.connectionId,
      field: ref.field,
      key_version: dataKey.version,
      ciphertext,
      expires_at: expiresAt,
    })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "connection_id", "field"]).doUpdateSet({
        key_version: dataKey.version,
        ciphertext,
        expires_at: expiresAt,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The decrypted secret, or null when none is stored. Throws TokenVaultError when it does not decrypt. */
export async function readSecret(
  db: Queryable,
  config: VaultConfig,
  ref: SecretRef,
): Promise<{ value: string; expiresAt: Date | null } | null> {
  const row = await db
    .selectFrom("integration_secrets as s")
    .innerJoin("workspace_keys as k", (join) =>
      join.onRef("k.workspace_id", "=", "s.workspace_id").onRef("k.version", "=", "s.key_version"),
    )
    .select(["s.ciphertext", "s.expires_at", "s.key_version", "k.master_key_id", "k.wrapped_key"])
    .where("s.workspace_id", "=", ref.workspaceId)
    .where("s.connection_id", "=", ref.connectionId)
    .where("s.field", "=", ref.field)
    .executeTakeFirst();
  if (!row) return null;

  const dataKey = unwrapWorkspaceKey(masterKeyRing(config), {
    workspaceId: ref.workspaceId,
    version: row.key_version,
    masterKeyId: row.master_key_id,
    wrappedKey: row.wrapped_key,
  });
  const plaintext = openWithAesGcm(
    dataKey,
    row.ciphertext,
    secretAssociatedData(ref),
    (cause) => new TokenVaultError(`${secretLabel(ref)} could not be decrypted: it was altered or moved.`, { cause }),
  );
  return { value: Buffer.from(plaintext).toString("utf8"), expiresAt: row.expires_at };
}

/** Deletes every secret of a connection (disconnecting; the connection row's cascade does it too). */
export async function deleteSecrets(db: Queryable, workspaceId: string, connectionId: string): Promise<void> {
  await db
    .deleteFrom("integration_secrets")
    .where("workspace_id", "=", workspaceId)
    .where("connection_id", "=", connectionId)
    .execute();
}
