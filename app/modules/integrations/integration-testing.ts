import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Database } from "../../../db/database";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import type { IntegrationProvider } from "../../../db/schema";
import { loadConfig, type Config } from "../../services/env.server";
import { createVaultWorkspace } from "../../services/token-vault/testing";
import { saveConnection } from "./connections.server";
import { requireConfiguredProvider } from "./providers.server";

interface Fake {
  env(): Record<string, string>;
  close(): Promise<void>;
}

export interface IntegrationTestEnv<F extends Fake> {
  fake: F;
  database: TestDatabase;
  db: Database;
  config: Config;
  /** The environment a deployment pointed at the fake would have (job handlers read it from process.env). */
  env: Record<string, string>;
  workspaceId: string;
  actorId: string;
  close(): Promise<void>;
}

/** A provider's fake, a database with a workspace and its owner, and the configuration a deployment pointed at the fake would have. */
export async function startIntegrationTestEnv<F extends Fake>(fake: F): Promise<IntegrationTestEnv<F>> {
  const database = await createTestDatabase();
  const env = { SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64"), ...fake.env() };
  const config = loadConfig({ NODE_ENV: "test", ...env });
  const workspaceId = await createVaultWorkspace(database.db, "Northwind Payments");
  const { user_id: actorId } = await database.db.selectFrom("memberships").select("user_id").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  return {
    fake,
    database,
    db: database.db,
    config,
    env,
    workspaceId,
    actorId,
    async close() {
      await fake.close();
      await database.drop();
    },
  };
}

/** Connect → the provider's consent page (the fakes approve at once) → the code exchanged and stored. */
export async function connectProvider(env: IntegrationTestEnv<Fake>, providerId: IntegrationProvider): Promise<string> {
  const provider = requireConfiguredProvider(env.config, providerId);
  const redirectUri = `http://localhost:3000/w/northwind/integrations/${providerId}/callback`;
  const consent = await fetch(provider.authorizationUrl({ state: "state-of-this-flow", redirectUri, codeVerifier: "unused".repeat(8) }), { redirect: "manual" });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get("location")!);
  expect(back.searchParams.get("state")).toBe("state-of-this-flow");
  const exchange = await provider.exchangeCode({ code: back.searchParams.get("code")!, redirectUri, codeVerifier: "" });
  return saveConnection(env.db, env.config, env.workspaceId, env.actorId, provider, exchange);
}
