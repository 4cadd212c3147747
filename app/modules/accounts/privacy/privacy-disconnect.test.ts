import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../../server/testing";
import { connectSlack, startSlackTestEnv, type SlackTestEnv } from "../../integrations/slack-testing";

// Settings → Privacy lists the integrations of every workspace the person administers, with the same
// disconnect as the workspace's own settings page (PRODUCT.md §6 promise 8), against a fake Slack.

let env: SlackTestEnv;
beforeAll(async () => {
  env = await startSlackTestEnv();
  await connectSlack(env.team.admin.browser, env.team.slug);
});
afterAll(async () => {
  await env?.close();
});

describe("Settings → Privacy: disconnecting an integration", () => {
  it("is not offered to an editor, who administers nothing", async () => {
    const text = visibleText(await (await env.team.editor.browser.request("/settings/privacy")).text());
    expect(text).not.toContain("Slack in Northwind Payments");
    const refused = await env.team.editor.browser.postForm("/settings/privacy", { intent: "disconnect-integration", workspaceId: env.team.id, provider: "slack" });
    expect(refused.status).toBe(404);
    expect(await env.db.selectFrom("integration_connections").select("provider").execute()).toEqual([{ provider: "slack" }]);
  });

  it("revokes the token at Slack and deletes the connection and its secrets", async () => {
    expect(visibleText(await (await env.team.admin.browser.request("/settings/privacy")).text())).toContain("Slack in Northwind Payments");
    const [token] = [...env.fake.tokens.values()];
    const answer = await env.team.admin.browser.postForm("/settings/privacy", { intent: "disconnect-integration", workspaceId: env.team.id, provider: "slack" });
    expect(answer.status).toBe(200);
    const text = visibleText(await answer.text());
    expect(text).toContain("Slack is disconnected from Northwind Payments: its token was revoked at Slack and deleted here.");
    expect(text).toContain("No integration is connected to a workspace you administer.");
    expect(token?.revoked).toBe(true);
    expect(await env.db.selectFrom("integration_connections").select("provider").execute()).toEqual([]);
    expect(await env.db.selectFrom("integration_secrets").select("field").execute()).toEqual([]);
  });

  it("when the only owner deletes their account, revokes the Slack token of the workspace that goes with it", async () => {
    await connectSlack(env.team.admin.browser, env.team.slug);
    const token = [...env.fake.tokens.values()].find((t) => !t.revoked);
    expect(token).toBeDefined();
    // The owner signed in moments ago (seeded session) and has no password: typing the email is the proof.
    const deleted = await env.team.owner.browser.postForm("/settings/privacy/delete", { confirmEmail: env.team.owner.email });
    expect(deleted.headers.get("location")).toBe("/login?notice=account-deleted");
    expect(token?.revoked).toBe(true);
    expect(await env.db.selectFrom("workspaces").select("id").where("id", "=", env.team.id).execute()).toEqual([]);
  });
});
