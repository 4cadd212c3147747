import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { ConfigError, loadConfig } from "../env.server";
import { masterKeyId } from "./master-keys.server";
import { rewrapWorkspaceKeys } from "./rotation.server";
import { createConnection, createVaultWorkspace, newMasterKey, vaultConfig } from "./testing";
import { readSecret, storeSecret, TokenVaultError, type SecretRef } from "./vault.server";

let database: TestDatabase;
const oldKey = newMasterKey();
const newKey = newMasterKey();
const thirdKey = newMasterKey();
// A master key none of the runs below is given at first, as if someone forgot to list it.
const forgottenKey = newMasterKey();
const secrets: Array<{ ref: SecretRef; value: string }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  for (const name of ["Northwind Payments", "Contoso Ledger", "Fabrikam Freight"]) {
    const workspaceId = await createVaultWorkspace(database.db, name);
    const connectionId = await createConnection(database.db, workspaceId, "slack");
    for (const field of ["access_token", "refresh_token"] as const) {
      const secret = { ref: { workspaceId, connectionId, field }, value: `${field}-of-${name}` };
      await storeSecret(database.db, vaultConfig(oldKey), secret.ref, secret.value);
      secrets.push(secret);
    }
  }
});
afterAll(async () => {
  await database?.drop();
});

const workspaceKeys = () =>
  database.db.selectFrom("workspace_keys").select(["workspace_id", "master_key_id", "wrapped_key", "rewrapped_at"]).orderBy("workspace_id").execute();
const storedCiphertexts = () => database.db.selectFrom("integration_secrets").select("ciphertext").orderBy(["workspace_id", "field"]).execute();

async function expectEverySecretReads(config: ReturnType<typeof vaultConfig>) {
  for (const { ref, value } of secrets) expect((await readSecret(database.db, config, ref))?.value).toBe(value);
}

describe("rotating the master key (npm run keys:rotate)", () => {
  it("re-wraps every workspace key under the new master key, in batches, while readers keep reading", async () => {
    const during = vaultConfig(newKey, [oldKey]);
    const ciphertextsBefore = await storedCiphertexts();

    const [result] = await Promise.all([rewrapWorkspaceKeys(database.db, during, { batchSize: 2 }), expectEverySecretReads(during)]);

    expect(result).toEqual({ currentMasterKeyId: masterKeyId(newKey), rewrapped: 3, alreadyCurrent: 0, changedConcurrently: 0, unreadable: [] });
    const keys = await workspaceKeys();
    expect(keys.map((key) => key.master_key_id)).toEqual([masterKeyId(newKey), masterKeyId(newKey), masterKeyId(newKey)]);
    expect(keys.every((key) => key.rewrapped_at instanceof Date)).toBe(true);
    // Only the wraps change: the data keys, and so every stored secret, stay as they were.
    expect(await storedCiphertexts()).toEqual(ciphertextsBefore);
    await expectEverySecretReads(during);
  });

  it("changes nothing when run again", async () => {
    const before = await workspaceKeys();
    const result = await rewrapWorkspaceKeys(database.db, vaultConfig(newKey, [oldKey]));

    expect(result).toMatchObject({ rewrapped: 0, alreadyCurrent: 3, unreadable: [] });
    expect(await workspaceKeys()).toEqual(before);
  });

  it("leaves the old master key alone unable to read, and the new one able to without previous keys", async () => {
    await expectEverySecretReads(vaultConfig(newKey));
    const error = await readSecret(database.db, vaultConfig(oldKey), secrets[0]!.ref).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TokenVaultError);
    expect((error as Error).message).toContain(`wrapped by master key ${masterKeyId(newKey)}, which this instance does not have`);
  });

  it("reports keys wrapped by a master key it was not given, and re-wraps the rest", async () => {
    const orphan = await createVaultWorkspace(database.db, "Orphaned Key Inc");
    await storeSecret(database.db, vaultConfig(forgottenKey), { workspaceId: orphan, connectionId: await createConnection(database.db, orphan, "jira"), field: "access_token" }, "unreachable");
    const result = await rewrapWorkspaceKeys(database.db, vaultConfig(thirdKey, [newKey]));

    expect(result.rewrapped).toBe(3);
    expect(result.unreadable).toEqual([
      { workspaceId: orphan, version: 1, reason: expect.stringContaining(`master key ${masterKeyId(forgottenKey)}, which this instance does not have`) },
    ]);
    await expectEverySecretReads(vaultConfig(thirdKey));
  });

  it("runs as `npm run keys:rotate`, which prints its counts and can be run again", async () => {
    const current = newMasterKey();
    const dataDir = mkdtempSync(join(tmpdir(), "bearing-rotate-"));
    const rotate = () =>
      promisify(execFile)("npm", ["run", "--silent", "keys:rotate"], {
        env: {
          ...process.env,
          NODE_ENV: "test",
          DATA_DIR: dataDir,
          DATABASE_URL: database.url,
          SESSION_SECRET: "bearing-test-session-secret-0123456789abcdef",
          ENCRYPTION_MASTER_KEY: Buffer.from(current).toString("base64"),
          ENCRYPTION_MASTER_KEYS_PREVIOUS: [thirdKey, forgottenKey].map((key) => Buffer.from(key).toString("base64")).join(","),
        },
      });
    try {
      const first = await rotate();
      expect(first.stdout).toContain(`Current master key: ${masterKeyId(current)}; previous: ${masterKeyId(thirdKey)}, ${masterKeyId(forgottenKey)}.`);
      expect(first.stdout).toContain("Workspace keys re-wrapped: 4\nAlready under the current master key: 0");
      const second = await rotate();
      expect(second.stdout).toContain("Workspace keys re-wrapped: 0\nAlready under the current master key: 4");
      await expectEverySecretReads(vaultConfig(current));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("ENCRYPTION_MASTER_KEYS_PREVIOUS", () => {
  const base = { NODE_ENV: "test", SESSION_SECRET: "x".repeat(40), ENCRYPTION_MASTER_KEY: Buffer.from(newKey).toString("base64") };

  it("takes comma-separated base64 keys", () => {
    const config = loadConfig({ ...base, ENCRYPTION_MASTER_KEYS_PREVIOUS: `${Buffer.from(oldKey).toString("base64")}, ${Buffer.from(newKey).toString("base64")}` });
    expect(config.encryptionMasterKeysPrevious).toEqual([oldKey, newKey]);
    expect(loadConfig(base).encryptionMasterKeysPrevious).toEqual([]);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => loadConfig({ ...base, ENCRYPTION_MASTER_KEYS_PREVIOUS: "c2hvcnQ=" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ENCRYPTION_MASTER_KEYS_PREVIOUS: "c2hvcnQ=" })).toThrow(/ENCRYPTION_MASTER_KEYS_PREVIOUS.*must be 32 bytes/);
  });
});
