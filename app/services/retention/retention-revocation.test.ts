import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../../../integrations/slack/fake-server";
import { connectProvider, startIntegrationTestEnv, type IntegrationTestEnv } from "../../modules/integrations/integration-testing";
import { loadConfig } from "../env.server";
import { createLogger } from "../logger.server";
import { RETENTION_TASKS } from "../../server/background-jobs";
import { createVaultWorkspace } from "../token-vault/testing";
import { runRetention } from "./retention.server";

const DAY_MS = 24 * 60 * 60 * 1000;
let env: IntegrationTestEnv<FakeSlack>;
beforeAll(async () => {
  env = await startIntegrationTestEnv(await startFakeSlack());
});
afterAll(() => env?.close());

describe("purging a workspace 30 days after its deletion", () => {
  it("revokes its Slack token at Slack before deleting the workspace with its connection and secrets", async () => {
    await connectProvider(env, "slack");
    const [token] = [...env.fake.tokens.values()];
    expect(token?.revoked).toBe(false);
    await env.db.updateTable("workspaces").set({ deleted_at: new Date(Date.now() - 31 * DAY_MS) }).where("id", "=", env.workspaceId).execute();

    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const results = await runRetention({ db: env.db, config: env.config, logger }, RETENTION_TASKS);

    expect(results["deleted-workspaces"]).toEqual({ deleted: 1, revoked: 1 });
    expect(token?.revoked).toBe(true);
    expect(env.fake.calls.at(-1)).toMatchObject({ method: "auth.revoke", token: token?.token });
    expect(await env.db.selectFrom("workspaces").select("id").where("id", "=", env.workspaceId).execute()).toEqual([]);
    expect(await env.db.selectFrom("integration_secrets").select("field").where("workspace_id", "=", env.workspaceId).execute()).toEqual([]);
    expect(lines.join("\n")).not.toContain(token!.token);
  });

  it("still purges when Slack cannot be reached, logging that the token was not revoked", async () => {
    // Connected while Slack answered; by the purge, Slack no longer does.
    const id = await createVaultWorkspace(env.db, "Unreachable");
    await connectProvider({ ...env, workspaceId: id }, "slack");
    await env.db.updateTable("workspaces").set({ deleted_at: new Date(Date.now() - 40 * DAY_MS) }).where("id", "=", id).execute();
    const [token] = [...env.fake.tokens.values()].filter((t) => !t.revoked);
    const unreachable = loadConfig({ NODE_ENV: "test", ...env.env, SLACK_BASE_URL: "http://127.0.0.1:9" });

    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const results = await runRetention({ db: env.db, config: unreachable, logger }, RETENTION_TASKS);

    expect(results["deleted-workspaces"]).toEqual({ deleted: 1, revoked: 0 });
    expect(token?.revoked).toBe(false);
    expect(lines.join("\n")).toContain("a token was not revoked before its workspace was deleted");
    expect(await env.db.selectFrom("workspaces").select("id").where("id", "=", id).execute()).toEqual([]);
  });
});
