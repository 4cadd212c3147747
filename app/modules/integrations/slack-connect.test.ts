import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../server/testing";
import { beginConnect, connectSlack, startSlackTestEnv, type SlackTestEnv } from "./slack-testing";

let env: SlackTestEnv;
beforeAll(async () => {
  env = await startSlackTestEnv();
});
afterAll(() => env?.close());

const settings = () => `/w/${env.team.slug}/settings/integrations`;
const connections = () => env.db.selectFrom("integration_connections").selectAll().where("workspace_id", "=", env.team.id).execute();
const secrets = () => env.db.selectFrom("integration_secrets").selectAll().where("workspace_id", "=", env.team.id).execute();

describe("connecting Slack", () => {
  it("privacy promise 4: nothing is fetched from Slack before the connection is authorised, and only with the scopes shown", async () => {
    const before = visibleText(await (await env.team.admin.browser.request(settings())).text());
    expect(before).toContain("Permissions Bearing will ask for channels:read chat:write channels:history");

    const callback = await beginConnect(env.team.admin.browser, env.team.slug);
    expect(env.fake.authorizations[0]?.get("scope")).toBe("channels:read,chat:write,channels:history");
    expect(env.fake.calls).toEqual([]);

    const done = await env.team.admin.browser.request(callback.pathname + callback.search);
    expect(done.status).toBe(302);
    expect(env.fake.calls[0]?.method).toBe("oauth.v2.access");

    const page = visibleText(await (await env.team.admin.browser.request(done.headers.get("location")!)).text());
    expect(page).toContain("Slack is connected.");
    expect(page).toContain("Connected account Fake Slack Team (T0FAKE)");
    expect(page).toContain("Permissions requested channels:read chat:write channels:history");
    expect(page).toContain("Permissions granted channels:read chat:write channels:history");
    const [token] = [...env.fake.tokens.values()];
    expect(token?.scopes).toEqual(["channels:read", "chat:write", "channels:history"]);
    // Every call after the callback carried the token the admin authorised.
    expect(env.fake.calls.slice(1).every((call) => call.token === token?.token)).toBe(true);
  });

  it("stores the token only encrypted", async () => {
    const [token] = [...env.fake.tokens.values()];
    const rows = await secrets();
    expect(rows.map((row) => row.field)).toEqual(["access_token"]);
    expect(Buffer.from(rows[0]!.ciphertext).toString("latin1")).not.toContain(token!.token);
  });

  it("is for admins: editors and viewers are refused", async () => {
    for (const member of [env.team.editor, env.team.viewer]) {
      expect((await member.browser.request(`/w/${env.team.slug}/integrations/slack/connect`)).status).toBe(403);
      expect((await member.browser.request(settings())).status).toBe(403);
    }
  });

  it("refuses an answer whose state does not match the browser's", async () => {
    const browser = env.team.owner.browser;
    const callback = await beginConnect(browser, env.team.slug);
    const before = env.fake.calls.length;
    const state = callback.searchParams.get("state")!;
    // Another admin's session did not start this connection: the right state is not enough.
    const stranger = await env.team.admin.browser.request(callback.pathname + callback.search);
    expect(stranger.status).toBe(400);
    callback.searchParams.set("state", "forged-state-forged-state-forged");
    const forged = await browser.request(callback.pathname + callback.search);
    expect(forged.status).toBe(400);
    expect(visibleText(await forged.text())).toContain("does not belong to a connection started from this browser");
    // The forged answer spent the flow: the genuine one that follows is refused too.
    callback.searchParams.set("state", state);
    expect((await browser.request(callback.pathname + callback.search)).status).toBe(400);
    expect(env.fake.calls.length).toBe(before);
    expect((await connections()).length).toBe(1);
  });

  it("explains an authorisation Slack refuses (ok:false with HTTP 200)", async () => {
    const browser = env.team.owner.browser;
    const callback = await beginConnect(browser, env.team.slug);
    env.fake.failNext("oauth.v2.access", "invalid_code");
    const answer = await browser.request(callback.pathname + callback.search);
    expect(answer.status).toBe(400);
    expect(visibleText(await answer.text())).toContain("Slack refused the authorisation code. Start connecting again.");
  });
});

describe("disconnecting Slack", () => {
  it("keeps the token when Slack cannot confirm the revocation (429), and says so", async () => {
    env.fake.rateLimitNext("auth.revoke", 12);
    const answer = await env.team.admin.browser.postForm(settings(), { intent: "disconnect", provider: "slack" });
    expect(answer.status).toBe(400);
    expect(visibleText(await answer.text())).toContain("Slack is limiting requests right now. Try again in 12 seconds.");
    expect((await connections()).length).toBe(1);
  });

  it("privacy promise 8: disconnecting Slack revokes its token at Slack and deletes it here", async () => {
    const [token] = [...env.fake.tokens.values()];
    const answer = await env.team.admin.browser.postForm(settings(), { intent: "disconnect", provider: "slack" });
    expect(answer.status).toBe(200);
    expect(visibleText(await answer.text())).toContain("Slack is disconnected: its token was revoked at Slack and deleted here.");
    const revoke = env.fake.calls.filter((call) => call.method === "auth.revoke").at(-1);
    expect(revoke?.token).toBe(token?.token);
    expect(token?.revoked).toBe(true);
    expect(await connections()).toEqual([]);
    expect(await secrets()).toEqual([]);
    expect(visibleText(await (await env.team.admin.browser.request(settings())).text())).toContain("Connect Slack");
  });

  it("can connect again afterwards", async () => {
    await connectSlack(env.team.admin.browser, env.team.slug);
    expect((await connections()).map((c) => c.provider)).toEqual(["slack"]);
  });
});
