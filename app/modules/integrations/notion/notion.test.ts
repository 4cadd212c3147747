import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSecret } from "../../../services/token-vault/vault.server";
import { createRoadmapItem } from "../../roadmap/roadmap.server";
import { disconnect, getConnection } from "../connections.server";
import { requireConfiguredProvider } from "../providers.server";
import { exportRoadmapToNotion } from "./notion-export.server";
import { searchNotionPages } from "./notion-pages.server";
import { connectNotion, startNotionTestEnv, type NotionTestEnv } from "./notion-testing";

let env: NotionTestEnv;
let connectionId: string;
beforeAll(async () => {
  env = await startNotionTestEnv();
});
afterAll(() => env?.close());

describe("Notion", () => {
  it("privacy promise 4: nothing is fetched from Notion before the connection is authorised", async () => {
    env.fake.store.addPage("Standup 3 March");
    await expect(searchNotionPages(env.db, env.config, env.workspaceId, "standup", null)).rejects.toMatchObject({ status: 409 });
    expect(env.fake.requests).toEqual([]);
  });

  it("connects with owner=user, shows the capabilities asked, and stores the token only through the vault", async () => {
    connectionId = await connectNotion(env);
    expect(env.fake.authorizations[0]!.get("owner")).toBe("user");
    const connection = await getConnection(env.db, env.workspaceId, "notion");
    expect(connection).toMatchObject({ account_name: "Northwind HQ", scopes_requested: ["read_content", "insert_content", "update_content"] });
    const token = await readSecret(env.db, env.config, { workspaceId: env.workspaceId, connectionId, field: "access_token" });
    expect(token?.value).toMatch(/^ntn_fake_/);
    expect(token?.expiresAt).toBeNull();
    const rows = await env.db.selectFrom("integration_secrets").select("ciphertext").where("workspace_id", "=", env.workspaceId).execute();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.ciphertext).toString("utf8")).not.toContain("ntn_fake_");
  });

  it("searches pages across several pages of results", async () => {
    for (let n = 1; n <= 45; n++) env.fake.store.addPage(`Weekly sync ${n}`);
    const titles: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page = await searchNotionPages(env.db, env.config, env.workspaceId, "weekly sync", cursor);
      titles.push(...page.pages.map((found) => found.title));
      cursor = page.nextCursor;
      calls++;
    } while (cursor);
    expect(calls).toBe(3);
    expect(titles).toHaveLength(45);
    expect(new Set(titles).size).toBe(45);
  });

  it("exports the roadmap twice: the database is created once and each item is held once, updated", async () => {
    const parent = env.fake.store.addPage("Planning");
    await createRoadmapItem(env.db, env.workspaceId, env.actorId, { title: "Annual plans", description: "", lane: "now", initiative_id: null, start_quarter: null, end_quarter: null } as never);
    await createRoadmapItem(env.db, env.workspaceId, env.actorId, { title: "SSO", description: "", lane: "later", initiative_id: null, start_quarter: null, end_quarter: null } as never);
    const first = await exportRoadmapToNotion(env.db, env.config, { workspaceId: env.workspaceId, parentPageId: parent.id });
    expect(first).toMatchObject({ created: 2, updated: 0 });

    await env.db.updateTable("roadmap_items").set({ title: "Annual and monthly plans" }).where("workspace_id", "=", env.workspaceId).where("title", "=", "Annual plans").execute();
    const second = await exportRoadmapToNotion(env.db, env.config, { workspaceId: env.workspaceId, parentPageId: parent.id });
    expect(second).toMatchObject({ created: 0, updated: 2 });

    expect(env.fake.store.dataSources.size).toBe(1);
    const [dataSource] = [...env.fake.store.dataSources.values()];
    expect(Object.keys(dataSource!.properties)).toEqual(["Name", "Lane", "Status", "Quarter", "Bearing ID"]);
    const rows = env.fake.store.rows(dataSource!.id).map((row) => ({ title: row.title, lane: (row.properties.Lane as { select: { name: string } }).select.name }));
    expect(rows.sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: "Annual and monthly plans", lane: "Now" },
      { title: "SSO", lane: "Later" },
    ]);
  });

  it("answers Notion's 429 and 401 with clear messages (a 404 is in notion-jobs.test.ts)", async () => {
    env.fake.rateLimitNext(1, 7);
    await expect(searchNotionPages(env.db, env.config, env.workspaceId, "", null)).rejects.toMatchObject({
      kind: "rate-limited",
      retryAfterSeconds: 7,
      message: "Notion is limiting requests right now. Try again in 7 seconds.",
    });
    // The fake, like Notion, refuses a request without a Notion-Version header.
    const unversioned = await fetch(`${env.fake.url}/v1/users/me`, { headers: { authorization: "Bearer anything" } });
    expect(await unversioned.json()).toMatchObject({ object: "error", status: 400, code: "missing_version" });
    env.fake.forgetTokens();
    await expect(searchNotionPages(env.db, env.config, env.workspaceId, "", null)).rejects.toMatchObject({
      kind: "unauthorized",
      message: "Notion no longer accepts Bearing's authorisation. Disconnect Notion and connect it again.",
    });
    expect((await getConnection(env.db, env.workspaceId, "notion"))?.status).toBe("error");
  });

  it("privacy promise 8: disconnecting Notion deletes its token here (Notion offers no revocation)", async () => {
    const provider = requireConfiguredProvider(env.config, "notion");
    expect(provider.canRevoke).toBe(false);
    const before = env.fake.requests.length;
    await disconnect(env.db, env.config, env.workspaceId, provider);
    expect(env.fake.requests.length).toBe(before);
    expect(await getConnection(env.db, env.workspaceId, "notion")).toBeUndefined();
    expect(await readSecret(env.db, env.config, { workspaceId: env.workspaceId, connectionId, field: "access_token" })).toBeNull();
    const secrets = await env.db.selectFrom("integration_secrets").select("field").where("workspace_id", "=", env.workspaceId).execute();
    expect(secrets).toEqual([]);
  });
});
