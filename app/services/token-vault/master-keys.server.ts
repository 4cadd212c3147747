import { createHash } from "node:crypto";
import type { Config } from "../env.server";
import { openWithAesGcm, sealWithAesGcm } from "./aes-gcm.server";
import { TokenVaultError } from "./errors.server";

/** The part of the configuration the vault reads: the master key and those a rotation is leaving. */
export type VaultConfig = Pick<Config, "encryptionMasterKey" | "encryptionMasterKeysPrevious">;

export interface MasterKey {
  /** First 16 hex digits of SHA-256 of the key: stored beside each wrapped key, safe to print. */
  id: string;
  key: Uint8Array;
}

export interface MasterKeyRing {
  /** Wraps every new or re-wrapped workspace key. */
  current: MasterKey;
  /** Unwraps: the current key and the previous ones, by id. */
  byId: ReadonlyMap<string, MasterKey>;
}

export function masterKeyId(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

export function masterKeyRing(config: VaultConfig): MasterKeyRing {
  const current = { id: masterKeyId(config.encryptionMasterKey), key: config.encryptionMasterKey };
  const byId = new Map<string, MasterKey>();
  for (const key of config.encryptionMasterKeysPrevious) byId.set(masterKeyId(key), { id: masterKeyId(key), key });
  byId.set(current.id, current);
  return { current, byId };
}

// The wrap is bound to its row too: a wrapped key copied onto another workspace (or version) fails.
function wrapAssociatedData(workspaceId: string, version: number): string {
  return `bearing-workspace-key:v1:${workspaceId}:${version}`;
}

export function wrapDataKey(masterKey: MasterKey, workspaceId: string, version: number, dataKey: Uint8Array): Uint8Array {
  return sealWithAesGcm(masterKey.key, dataKey, wrapAssociatedData(workspaceId, version));
}

export interface WrappedDataKey {
  workspaceId: string;
  version: number;
  masterKeyId: string;
  wrappedKey: Uint8Array;
}

export function unwrapDataKey(ring: MasterKeyRing, wrapped: WrappedDataKey): Uint8Array {
  const masterKey = ring.byId.get(wrapped.masterKeyId);
  if (!masterKey) {
    throw new TokenVaultError(
      `The key of workspace ${wrapped.workspaceId} (version ${wrapped.version}) is wrapped by master key ${wrapped.masterKeyId}, ` +
        `which this instance does not have: set it as ENCRYPTION_MASTER_KEY or add it to ENCRYPTION_MASTER_KEYS_PREVIOUS.`,
    );
  }
  return openWithAesGcm(
    masterKey.key,
    wrapped.wrappedKey,
    wrapAssociatedData(wrapped.workspaceId, wrapped.version),
    (cause) =>
      new TokenVaultError(
        `The key of workspace ${wrapped.workspaceId} (version ${wrapped.version}) could not be unwrapped with master key ${wrapped.masterKeyId}: it was altered or moved.`,
        { cause },
      ),
  );
}
