import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase } from "../../../e2e/support/traffic";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import type { SecretField } from "../../../db/schema";
import { masterKeyId } from "./master-keys.server";
import { createConnection, createVaultWorkspace, newMasterKey, vaultConfig } from "./testing";
import { deleteSecrets, readSecret, storeSecret, TokenVaultError, type SecretRef } from "./vault.server";

let database: TestDatabase;
const config = vaultConfig();
let northwind: string;
let contoso: string;
let northwindSlack: string;
let northwindJira: string;
let contosoSlack: string;

beforeAll(async () => {
  database = await createTestDatabase();
  northwind = await createVaultWorkspace(database.db, "Northwind Payments");
  contoso = await createVaultWorkspace(database.db, "Contoso Ledger");
  northwindSlack = await createConnection(database.db, northwind, "slack");
  northwindJira = await createConnection(database.db, northwind, "jira");
  contosoSlack = await createConnection(database.db, contoso, "slack");
});
afterAll(async () => {
  await database?.drop();
});

const ref = (workspaceId: string, connectionId: string, field: SecretField = "access_token"): SecretRef => ({ workspaceId, connectionId, field });

async function ciphertextOf(target: SecretRef): Promise<Uint8Array> {
  const row = await database.db
    .selectFrom("integration_secrets")
    .select("ciphertext")
    .where("workspace_id", "=", target.workspaceId)
    .where("connection_id", "=", target.connectionId)
    .where("field", "=", target.field)
    .executeTakeFirstOrThrow();
  return row.ciphertext;
}

async function overwriteCiphertext(target: SecretRef, ciphertext: Uint8Array) {
  await database.db
    .updateTable("integration_secrets")
    .set({ ciphertext })
    .where("workspace_id", "=", target.workspaceId)
    .where("connection_id", "=", target.connectionId)
    .where("field", "=", target.field)
    .execute();
}

async function readFailure(target: SecretRef, withConfig = config): Promise<TokenVaultError> {
  const error = await readSecret(database.db, withConfig, target).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TokenVaultError);
  return error as TokenVaultError;
}

describe("the token vault", () => {
  it("gives back what was stored, with its expiry, and replaces it on a second store", async () => {
    const expiresAt = new Date("2031-05-01T12:00:00Z");
    await storeSecret(database.db, config, ref(northwind, northwindSlack), "xoxb-first-token", expiresAt);
    await storeSecret(database.db, config, ref(northwind, northwindSlack, "refresh_token"), "xoxe-refresh-token");
    expect(await readSecret(database.db, config, ref(northwind, northwindSlack))).toEqual({ value: "xoxb-first-token", expiresAt });

    await storeSecret(database.db, config, ref(northwind, northwindSlack), "xoxb-second-token");
    expect(await readSecret(database.db, config, ref(northwind, northwindSlack))).toEqual({ value: "xoxb-second-token", expiresAt: null });
    expect(await readSecret(database.db, config, ref(northwind, northwindSlack, "refresh_token"))).toEqual({ value: "xoxe-refresh-token", expiresAt: null });
    expect(await readSecret(database.db, config, ref(northwind, northwindJira))).toBeNull();
  });

  it("makes one data key per workspace on first use, wrapped by the current master key, even under concurrent first stores", async () => {
    const fresh = await createVaultWorkspace(database.db, "Fabrikam Fresh");
    const connections = await Promise.all((["slack", "jira", "notion"] as const).map((provider) => createConnection(database.db, fresh, provider)));
    await Promise.all(connections.map((connection, i) => storeSecret(database.db, config, ref(fresh, connection), `token-${i}`)));

    const keys = await database.db.selectFrom("workspace_keys").select(["version", "master_key_id"]).where("workspace_id", "=", fresh).execute();
    expect(keys).toEqual([{ version: 1, master_key_id: masterKeyId(config.encryptionMasterKey) }]);
    for (const [i, connection] of connections.entries()) {
      expect((await readSecret(database.db, config, ref(fresh, connection)))?.value).toBe(`token-${i}`);
    }
  });

  it("works inside a transaction the caller holds", async () => {
    await database.db.transaction().execute(async (trx) => {
      await storeSecret(trx, config, ref(contoso, contosoSlack, "refresh_token"), "in-a-transaction");
      expect((await readSecret(trx, config, ref(contoso, contosoSlack, "refresh_token")))?.value).toBe("in-a-transaction");
    });
  });

  it.each([
    ["another workspace", () => ref(contoso, contosoSlack)],
    ["another connection", () => ref(northwind, northwindJira)],
    ["another field", () => ref(northwind, northwindSlack, "refresh_token")],
  ])("refuses a ciphertext copied to %s, without showing the token", async (_, destination) => {
    const source = ref(northwind, northwindSlack);
    await storeSecret(database.db, config, source, "xoxb-moved-token");
    await storeSecret(database.db, config, destination(), "placeholder-before-the-copy");
    await overwriteCiphertext(destination(), await ciphertextOf(source));

    const error = await readFailure(destination());
    expect(error.message).toBe(
      `The stored ${destination().field.replace("_", " ")} for connection ${destination().connectionId} of workspace ${destination().workspaceId} could not be decrypted: it was altered or moved.`,
    );
    expect(error.message).not.toContain("xoxb-moved-token");
    expect((await readSecret(database.db, config, source))?.value).toBe("xoxb-moved-token");
  });

  it("refuses a ciphertext with one byte flipped", async () => {
    const target = ref(northwind, northwindJira);
    await storeSecret(database.db, config, target, "jira-access-token");
    const tampered = new Uint8Array(await ciphertextOf(target));
    tampered[20]! ^= 0x01;
    await overwriteCiphertext(target, tampered);

    expect((await readFailure(target)).message).toContain("could not be decrypted: it was altered or moved.");
  });

  it("names the master key it does not have", async () => {
    await storeSecret(database.db, config, ref(contoso, contosoSlack), "xoxb-contoso");
    const error = await readFailure(ref(contoso, contosoSlack), vaultConfig(newMasterKey()));
    expect(error.message).toContain(`is wrapped by master key ${masterKeyId(config.encryptionMasterKey)}, which this instance does not have`);
  });

  it("deletes every secret of one connection and nothing else", async () => {
    await storeSecret(database.db, config, ref(northwind, northwindSlack), "xoxb-to-delete");
    await storeSecret(database.db, config, ref(northwind, northwindSlack, "refresh_token"), "xoxe-to-delete");
    await storeSecret(database.db, config, ref(northwind, northwindJira), "jira-kept");
    await deleteSecrets(database.db, northwind, northwindSlack);

    expect(await readSecret(database.db, config, ref(northwind, northwindSlack))).toBeNull();
    expect(await readSecret(database.db, config, ref(northwind, northwindSlack, "refresh_token"))).toBeNull();
    expect((await readSecret(database.db, config, ref(northwind, northwindJira)))?.value).toBe("jira-kept");
  });
});

/** AES-256-GCM by hand, from the layout the vault documents: iv(12) || ciphertext || tag(16). */
function decryptAesGcm(key: Uint8Array, sealed: Uint8Array, associatedData: string): Buffer {
  const bytes = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
}

it("privacy promise 2: integration credentials are encrypted at rest with AES-256-GCM; no plaintext token appears anywhere in the database", async () => {
  const tokens = {
    slackAccess: "xoxb-17-privacy-promise-two-access",
    slackRefresh: "xoxe-1-privacy-promise-two-refresh",
    jiraAccess: "eyJhbGciOiJIUzI1NiJ9.privacy-promise-two-jira",
    contosoAccess: "xoxb-42-privacy-promise-two-contoso",
  };
  await storeSecret(database.db, config, ref(northwind, northwindSlack), tokens.slackAccess, new Date("2031-01-01T00:00:00Z"));
  await storeSecret(database.db, config, ref(northwind, northwindSlack, "refresh_token"), tokens.slackRefresh);
  await storeSecret(database.db, config, ref(northwind, northwindJira), tokens.jiraAccess);
  await storeSecret(database.db, config, ref(contoso, contosoSlack), tokens.contosoAccess);

  const dump = await dumpDatabase(database.db);
  expect(dump).toContain("## integration_secrets");
  for (const token of Object.values(tokens)) {
    expect(dump).not.toContain(token);
    // bytea columns print as hex: the token's own bytes must not be there either.
    expect(dump).not.toContain(Buffer.from(token).toString("hex"));
  }

  // What is stored is AES-256-GCM: the data key unwraps with the master key, the token decrypts with the data key.
  const stored = await database.db
    .selectFrom("integration_secrets as s")
    .innerJoin("workspace_keys as k", (join) => join.onRef("k.workspace_id", "=", "s.workspace_id").onRef("k.version", "=", "s.key_version"))
    .select(["s.ciphertext", "k.wrapped_key", "k.version"])
    .where("s.workspace_id", "=", northwind)
    .where("s.connection_id", "=", northwindSlack)
    .where("s.field", "=", "access_token")
    .executeTakeFirstOrThrow();
  const dataKey = decryptAesGcm(config.encryptionMasterKey, stored.wrapped_key, `bearing-workspace-key:v1:${northwind}:${stored.version}`);
  expect(dataKey).toHaveLength(32);
  expect(stored.ciphertext).toHaveLength(12 + tokens.slackAccess.length + 16);
  const secretAssociatedData = `bearing-secret:v1:${northwind}:${northwindSlack}:access_token`;
  expect(decryptAesGcm(dataKey, stored.ciphertext, secretAssociatedData).toString("utf8")).toBe(tokens.slackAccess);
});
