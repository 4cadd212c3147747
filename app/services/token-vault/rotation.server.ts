import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { masterKeyRing, unwrapDataKey, wrapDataKey, type VaultConfig } from "./master-keys.server";
import { TokenVaultError } from "./errors.server";

interface KeyPosition {
  workspaceId: string;
  version: number;
}

export interface RotationResult {
  /** The master key every workspace key is now wrapped by. */
  currentMasterKeyId: string;
  rewrapped: number;
  /** Already under the current master key before this run. */
  alreadyCurrent: number;
  /** Changed by someone else between our read and our update (a concurrent run): left as they are. */
  changedConcurrently: number;
  /** Wrapped by a master key this configuration does not hold, or altered: with the reason, never a key. */
  unreadable: Array<{ workspaceId: string; version: number; reason: string }>;
}

/**
 * Re-wraps every workspace key not wrapped by the current master key (`npm run keys:rotate`). The data
 * keys themselves do not change, so no secret is re-encrypted. Each row is replaced by a conditional
 * UPDATE on the bytes we read: a running instance reads either the old wrap (which its previous keys
 * unwrap) or the new one, never a half-written row. Idempotent: a second run finds nothing to do.
 */
export async function rewrapWorkspaceKeys(db: Database, config: VaultConfig, { batchSize = 500 } = {}): Promise<RotationResult> {
  const ring = masterKeyRing(config);
  const result: RotationResult = { currentMasterKeyId: ring.current.id, rewrapped: 0, alreadyCurrent: 0, changedConcurrently: 0, unreadable: [] };
  result.alreadyCurrent = Number(
    (
      await db
        .selectFrom("workspace_keys")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("master_key_id", "=", ring.current.id)
        .executeTakeFirstOrThrow()
    ).count,
  );

  // Keyset pagination, so rows we cannot unwrap are passed over rather than read again forever.
  let after: KeyPosition | null = null;
  for (;;) {
    const batch = await keysNotUnder(db, ring.current.id, after, batchSize);
    if (batch.length === 0) return result;

    await db.transaction().execute(async (trx) => {
      for (const row of batch) {
        const wrapped = { workspaceId: row.workspace_id, version: row.version, masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key };
        let dataKey: Uint8Array;
        try {
          dataKey = unwrapDataKey(ring, wrapped);
        } catch (error) {
          if (!(error instanceof TokenVaultError)) throw error;
          result.unreadable.push({ workspaceId: row.workspace_id, version: row.version, reason: error.message });
          continue;
        }
        const updated = await trx
          .updateTable("workspace_keys")
          .set({
            master_key_id: ring.current.id,
            wrapped_key: wrapDataKey(ring.current, row.workspace_id, row.version, dataKey),
            rewrapped_at: sql`now()`,
          })
          .where("workspace_id", "=", row.workspace_id)
          .where("version", "=", row.version)
          .where("master_key_id", "=", row.master_key_id)
          .where("wrapped_key", "=", row.wrapped_key)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 1) result.rewrapped += 1;
        else result.changedConcurrently += 1;
      }
    });
    const last = batch[batch.length - 1]!;
    after = { workspaceId: last.workspace_id, version: last.version };
  }
}

function keysNotUnder(db: Database, masterKeyId: string, after: KeyPosition | null, limit: number) {
  let query = db
    .selectFrom("workspace_keys")
    .select(["workspace_id", "version", "master_key_id", "wrapped_key"])
    .where("master_key_id", "<>", masterKeyId);
  if (after) query = query.where(sql<boolean>`(workspace_id, version) > (${after.workspaceId}::uuid, ${after.version})`);
  return query.orderBy("workspace_id").orderBy("version").limit(limit).execute();
}
