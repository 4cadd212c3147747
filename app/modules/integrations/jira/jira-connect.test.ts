import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSecret } from "../../../services/token-vault/vault.server";
import { getConnection } from "../connections.server";
import { chooseJiraSite, listJiraSites, withJira } from "./jira-access.server";
import { connectJira, startJiraTestEnv, type JiraTestEnv } from "./jira-testing";

let env: JiraTestEnv;
let connectionId: string;
beforeAll(async () => {
  env = await startJiraTestEnv({ sites: [{ name: "acme", projects: { PAY: 3 } }, { name: "globex", projects: { OPS: 2 } }] });
});
afterAll(() => env?.close());

const secret = (field: "access_token" | "refresh_token") => readSecret(env.db, env.config, { workspaceId: env.workspaceId, connectionId, field });

describe("connecting Jira (Atlassian OAuth 2.0 3LO)", () => {
  it("asks for the Jira scopes with audience and consent, and stores both tokens encrypted", async () => {
    connectionId = await connectJira(env);
    const asked = env.fake.authorizations[0]!;
    expect(asked.get("audience")).toBe("api.atlassian.com");
    expect(asked.get("prompt")).toBe("consent");
    expect(asked.get("scope")).toBe("read:jira-work write:jira-work offline_access read:me");

    const connection = await getConnection(env.db, env.workspaceId, "jira");
    expect(connection?.account_name).toBe("Pat Manager");
    expect(connection?.scopes_granted).toEqual(["read:jira-work", "write:jira-work", "offline_access", "read:me"]);
    expect((await secret("access_token"))?.expiresAt).toBeInstanceOf(Date);
    expect((await secret("refresh_token"))?.value).toMatch(/^fake-atlassian-refresh-/);
    const rows = await env.db.selectFrom("integration_secrets").select("ciphertext").where("workspace_id", "=", env.workspaceId).execute();
    for (const row of rows) expect(Buffer.from(row.ciphertext).toString("utf8")).not.toContain("fake-atlassian");
  });

  it("offers the sites the authorisation reaches and remembers the one chosen", async () => {
    const sites = await listJiraSites(env.db, env.config, env.workspaceId);
    expect(sites.map((site) => site.url)).toEqual(["https://acme.atlassian.net", "https://globex.atlassian.net"]);
    await expect(chooseJiraSite(env.db, env.config, env.workspaceId, "not-a-site")).rejects.toMatchObject({ status: 422 });

    const chosen = await chooseJiraSite(env.db, env.config, env.workspaceId, sites[1]!.id);
    expect(chosen).toEqual({ cloudId: sites[1]!.id, name: "globex", url: "https://globex.atlassian.net" });
    const keys = await withJira(env.db, env.config, env.workspaceId, async ({ client }) => (await client.searchPage("project = OPS", null)).issues.map((i) => i.key));
    expect(keys).toEqual(["OPS-1", "OPS-2"]);
  });

  it("refreshes an expired access token, stores the rotated refresh token, and the old one is spent", async () => {
    const before = { access: (await secret("access_token"))!.value, refresh: (await secret("refresh_token"))!.value };
    env.fake.expireAccessTokens();
    // Stored expiry still says the token is good: the API's 401 is what triggers the refresh.
    await withJira(env.db, env.config, env.workspaceId, ({ client }) => client.searchPage("project = OPS", null));

    const after = { access: (await secret("access_token"))!.value, refresh: (await secret("refresh_token"))!.value };
    expect(after.access).not.toBe(before.access);
    expect(after.refresh).not.toBe(before.refresh);
    expect(env.fake.acceptsRefreshToken(before.refresh)).toBe(false);
    expect(env.fake.acceptsRefreshToken(after.refresh)).toBe(true);

    const reuse = await fetch(`${env.fake.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token", client_id: env.fake.clientId, client_secret: env.fake.clientSecret, refresh_token: before.refresh }),
    });
    expect(reuse.status).toBe(403);
    expect(await reuse.json()).toEqual({ error: "invalid_grant", error_description: "Unknown or invalid refresh token." });
  });

  it("refreshes ahead of a known expiry, and concurrent refreshes share one rotation", async () => {
    env.fake.accessTokenLifetimeSeconds = 30; // inside the early-refresh margin: every stored token is "about to expire"
    env.fake.expireAccessTokens();
    await env.db.updateTable("integration_secrets").set({ expires_at: new Date(Date.now() - 1000) }).where("workspace_id", "=", env.workspaceId).where("field", "=", "access_token").execute();
    const tokenRequestsBefore = env.fake.requests.filter((r) => r.path === "/oauth/token").length;

    const results = await Promise.all([1, 2, 3].map(() => withJira(env.db, env.config, env.workspaceId, ({ client }) => client.searchPage("project = OPS", null))));
    expect(results.every((page) => page.issues.length === 2)).toBe(true);
    // Each token the fake issues expires within the margin, so each caller refreshes once, one after another: never the same refresh token twice.
    const refreshes = env.fake.requests.filter((r) => r.path === "/oauth/token").length - tokenRequestsBefore;
    expect(refreshes).toBe(3);
    expect(env.fake.acceptsRefreshToken((await secret("refresh_token"))!.value)).toBe(true);
    env.fake.accessTokenLifetimeSeconds = 3600;
  });

  it("marks the connection broken when Atlassian refuses the refresh token", async () => {
    env.fake.expireAccessTokens();
    await env.db.updateTable("integration_secrets").set({ expires_at: new Date(Date.now() - 1000) }).where("workspace_id", "=", env.workspaceId).where("field", "=", "access_token").execute();
    const refresh = (await secret("refresh_token"))!.value;
    await fetch(`${env.fake.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token", client_id: env.fake.clientId, client_secret: env.fake.clientSecret, refresh_token: refresh }),
    });
    await expect(withJira(env.db, env.config, env.workspaceId, ({ client }) => client.searchPage("project = OPS", null))).rejects.toMatchObject({ kind: "unauthorized", code: "invalid_grant" });
    const connection = await getConnection(env.db, env.workspaceId, "jira");
    expect(connection?.status).toBe("error");
    expect(connection?.last_error).toContain("Disconnect Jira and connect it again");
  });
});
