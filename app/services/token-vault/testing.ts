import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/database";
import type { IntegrationProvider } from "../../../db/schema";
import { POLICY_VERSION } from "../../modules/accounts/policies";
import { createWorkspace } from "../../modules/workspaces/workspaces.server";
import type { VaultConfig } from "./master-keys.server";

/** A fresh random master key configuration, as `ENCRYPTION_MASTER_KEY` (+ previous keys) would give. */
export function vaultConfig(current = newMasterKey(), previous: Uint8Array[] = []): VaultConfig {
  return { encryptionMasterKey: current, encryptionMasterKeysPrevious: previous };
}

export function newMasterKey(): Uint8Array {
  return new Uint8Array(randomBytes(32));
}

/** A workspace with an owner, written straight to the database: vault tests need rows, not sign-up. */
export async function createVaultWorkspace(db: Database, name: string): Promise<string> {
  const suffix = randomBytes(3).toString("hex");
  const owner = await db
    .insertInto("users")
    .values({
      email: `owner-${suffix}@example.com`,
      name: `Owner ${suffix}`,
      age_confirmed_at: new Date(),
      policies_accepted_at: new Date(),
      policy_version: POLICY_VERSION,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return (await createWorkspace(db, owner.id, name)).id;
}

export async function createConnection(db: Database, workspaceId: string, provider: IntegrationProvider): Promise<string> {
  const row = await db.insertInto("integration_connections").values({ workspace_id: workspaceId, provider }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}
