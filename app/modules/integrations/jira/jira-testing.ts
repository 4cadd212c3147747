import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { Database } from "../../../../db/database";
import { createTestDatabase, type TestDatabase } from "../../../../db/testing/database";
import { startFakeAtlassian, type FakeAtlassian, type FakeAtlassianOptions } from "../../../../integrations/jira/fake-server";
import { loadConfig, type Config } from "../../../services/env.server";
import { createVaultWorkspace } from "../../../services/token-vault/testing";
import { saveConnection } from "../connections.server";
import { requireConfiguredProvider } from "../providers.server";

export interface JiraTestEnv {
  fake: FakeAtlassian;
  database: TestDatabase;
  db: Database;
  config: Config;
  workspaceId: string;
  actorId: string;
  close(): Promise<void>;
}

/** A fake Atlassian, a database and the configuration a deployment pointed at it would have. */
export async function startJiraTestEnv(options: FakeAtlassianOptions = {}): Promise<JiraTestEnv> {
  const fake = await startFakeAtlassian(options);
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64"),
    ...fake.env(),
  });
  const workspaceId = await createVaultWorkspace(database.db, "Northwind Payments");
  const { user_id: actorId } = await database.db.selectFrom("memberships").select("user_id").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  return {
    fake,
    database,
    db: database.db,
    config,
    workspaceId,
    actorId,
    async close() {
      await fake.close();
      await database.drop();
    },
  };
}

/** Connect Jira → Atlassian's consent page (the fake approves at once) → the code exchanged and stored. */
export async function connectJira(env: JiraTestEnv): Promise<string> {
  const provider = requireConfiguredProvider(env.config, "jira");
  const redirectUri = "http://localhost:3000/w/northwind/integrations/jira/callback";
  const consent = await fetch(provider.authorizationUrl({ state: "state-of-this-flow", redirectUri, codeVerifier: "unused".repeat(8) }), { redirect: "manual" });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get("location")!);
  expect(back.searchParams.get("state")).toBe("state-of-this-flow");
  const exchange = await provider.exchangeCode({ code: back.searchParams.get("code")!, redirectUri, codeVerifier: "" });
  return saveConnection(env.db, env.config, env.workspaceId, env.actorId, provider, exchange);
}
