import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../../../db/database";
import type { DB } from "../../../db/schema";
import { unwrapDataKey, wrapDataKey, type MasterKeyRing, type WrappedDataKey } from "./master-keys.server";

export type Queryable = Database | Transaction<DB>;

const DATA_KEY_BYTES = 32;
const FIRST_VERSION = 1;

export interface DataKey {
  version: number;
  key: Uint8Array;
}

// Unwrapping costs little, but a page that lists connections reads several secrets of one workspace.
// Kept small and short-lived so few keys sit in memory; entries are keyed by the wrapped bytes and
// the master key id, so a re-wrap or a tampered row never meets a stale entry.
const CACHE_LIMIT = 64;
const CACHE_TTL_MS = 5 * 60 * 1000;
const unwrappedKeys = new Map<string, { key: Uint8Array; expiresAt: number }>();

/** Unwraps a workspace key, through a small in-memory LRU. The ring is checked first, every time. */
export function unwrapWorkspaceKey(ring: MasterKeyRing, wrapped: WrappedDataKey): Uint8Array {
  if (!ring.byId.has(wrapped.masterKeyId)) return unwrapDataKey(ring, wrapped);
  const cacheKey = `${wrapped.workspaceId}:${wrapped.version}:${wrapped.masterKeyId}:${Buffer.from(wrapped.wrappedKey).toString("base64")}`;
  const cached = unwrappedKeys.get(cacheKey);
  unwrappedKeys.delete(cacheKey);
  if (cached && cached.expiresAt > Date.now()) {
    unwrappedKeys.set(cacheKey, cached);
    return cached.key;
  }
  const key = unwrapDataKey(ring, wrapped);
  unwrappedKeys.set(cacheKey, { key, expiresAt: Date.now() + CACHE_TTL_MS });
  const oldest = unwrappedKeys.keys().next();
  if (unwrappedKeys.size > CACHE_LIMIT && !oldest.done) unwrappedKeys.delete(oldest.value);
  return key;
}

/** The workspace's newest data key, made (32 random bytes, version 1) the first time it is needed. */
export async function currentWorkspaceKey(db: Queryable, ring: MasterKeyRing, workspaceId: string): Promise<DataKey> {
  const existing = await newestWrappedKey(db, workspaceId);
  if (existing) return { version: existing.version, key: unwrapWorkspaceKey(ring, existing) };

  const dataKey = new Uint8Array(randomBytes(DATA_KEY_BYTES));
  await db
    .insertInto("workspace_keys")
    .values({
      workspace_id: workspaceId,
      version: FIRST_VERSION,
      master_key_id: ring.current.id,
      wrapped_key: wrapDataKey(ring.current, workspaceId, FIRST_VERSION, dataKey),
    })
    .onConflict((oc) => oc.columns(["workspace_id", "version"]).doNothing())
    .execute();
  // Another request may have made the key first; then its key is the one every secret must use.
  const stored = await newestWrappedKey(db, workspaceId);
  if (!stored) throw new Error(`The key of workspace ${workspaceId} vanished while it was being created.`);
  return { version: stored.version, key: unwrapWorkspaceKey(ring, stored) };
}

async function newestWrappedKey(db: Queryable, workspaceId: string): Promise<WrappedDataKey | undefined> {
  const row = await db
    .selectFrom("workspace_keys")
    .select(["version", "master_key_id", "wrapped_key"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && { workspaceId, version: row.version, masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key };
}
