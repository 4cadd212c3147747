import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import { fieldErrors, visibleText } from "../../../server/testing";
import { seedPerson } from "../security/security-page.testing";

// Settings → Privacy: the page, and account deletion for people who sign in with Google or Microsoft.

const env = setUpTestApp({ team: "Northwind Payments", other: "Initech" });
const PAGE = "/settings/privacy";
const DELETE_PAGE = "/settings/privacy/delete";

async function userExists(id: string) {
  return Boolean(await env.db.selectFrom("users").select("id").where("id", "=", id).executeTakeFirst());
}

describe("Settings → Privacy", () => {
  it("offers the personal export, the export of each workspace the user administers, sessions and deletion", async () => {
    const html = await (await env.team.admin.browser.request(PAGE)).text();
    const text = visibleText(html);
    expect(html).toContain('href="/settings/privacy/export.json"');
    expect(html).toContain(`href="/w/${env.team.slug}/export.json"`);
    expect(html).not.toContain(`href="/w/${env.other.slug}/export.json"`);
    expect(text).toContain("No integration is connected to a workspace you administer.");
    // Without JavaScript the page says why the keys cannot be forgotten from the server.
    expect(text).toContain("Forgetting your AI keys needs JavaScript");
    expect(text).toContain("Sessions");
    expect(html).toContain('href="/settings/privacy/delete"');

    const editor = visibleText(await (await env.team.editor.browser.request(PAGE)).text());
    expect(editor).not.toContain("Export workspace");
  });

  it("lists an integration of a workspace the user administers, and refuses to disconnect one elsewhere", async () => {
    await env.db.insertInto("integration_connections").values({ workspace_id: env.other.id, provider: "slack", account_name: "Initech HQ" }).execute();
    await env.db.insertInto("integration_connections").values({ workspace_id: env.team.id, provider: "notion", account_name: "Northwind wiki" }).execute();
    const text = visibleText(await (await env.team.admin.browser.request(PAGE)).text());
    expect(text).toContain("Notion in Northwind Payments Northwind wiki");
    expect(text).not.toContain("Initech HQ");

    const refused = await env.team.admin.browser.postForm(PAGE, { intent: "disconnect-integration", workspaceId: env.other.id, provider: "slack" });
    expect(refused.status).toBe(404);
    expect(visibleText(await refused.text())).toContain("That integration is not connected to a workspace you administer.");
    const kept = await env.db.selectFrom("integration_connections").select("provider").where("workspace_id", "=", env.other.id).execute();
    expect(kept).toEqual([{ provider: "slack" }]);
  });

  it("exports only the signed-in person's own account", async () => {
    const response = await env.team.viewer.browser.request("/settings/privacy/export.json");
    const file = (await response.json()) as { account: { id: string; has_password: boolean }; tables: { memberships: Array<{ user_id: string }> } };
    expect(file.account).toMatchObject({ id: env.team.viewer.id, has_password: false });
    expect(file.tables.memberships.map((m) => m.user_id)).toEqual([env.team.viewer.id]);
    expect((await env.app.newBrowser().request("/settings/privacy/export.json")).status).toBe(302);
  });
});

describe("Deleting an account that signs in with a provider only", () => {
  it("asks a session older than 10 minutes to sign in again, and deletes nothing", async () => {
    const grace = await seedPerson(env.app, env.db, { name: "Grace Hopper", email: "grace@example.com", identities: ["google"] });
    await sql`update sessions set created_at = now() - interval '20 minutes' where user_id = ${grace.id}`.execute(env.db);

    const page = visibleText(await (await grace.browser.request(DELETE_PAGE)).text());
    expect(page).toContain("needs a sign-in from the last 10 minutes");
    expect(page).not.toContain("Delete my account and its data");

    const response = await grace.browser.postForm(DELETE_PAGE, { confirmEmail: "grace@example.com" });
    expect(response.status).toBe(403);
    expect(await userExists(grace.id)).toBe(true);
  });

  it("deletes with a recent sign-in and the email typed, and refuses a mistyped email under its field", async () => {
    const alan = await seedPerson(env.app, env.db, { name: "Alan Turing", email: "alan@example.com", identities: ["microsoft"] });
    const page = await (await alan.browser.request(DELETE_PAGE)).text();
    expect(page).not.toContain('name="currentPassword"');

    const mistyped = await alan.browser.postForm(DELETE_PAGE, { confirmEmail: "alan@example.org" });
    expect(mistyped.status).toBe(400);
    expect(fieldErrors(await mistyped.text(), "confirmEmail")).toEqual(["That is not your account's email address: type it as shown above."]);
    expect(await userExists(alan.id)).toBe(true);

    const empty = await alan.browser.postForm(DELETE_PAGE, {});
    expect(fieldErrors(await empty.text(), "confirmEmail")).toEqual(["Type your email address to confirm."]);

    const deleted = await alan.browser.postForm(DELETE_PAGE, { confirmEmail: "alan@example.com" });
    expect(deleted.status).toBe(302);
    expect(await userExists(alan.id)).toBe(false);
    expect(await env.db.selectFrom("oauth_accounts").select("id").where("email", "=", "alan@example.com").execute()).toEqual([]);
  });
});
