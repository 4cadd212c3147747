import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../db/testing/database";
import { startFakeAtlassian, type FakeAtlassian } from "../../../../integrations/jira/fake-server";
import { fieldErrors, startTestApp, visibleText, type TestApp } from "../../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../../server/testing-workspace";

let fake: FakeAtlassian;
let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;
beforeAll(async () => {
  fake = await startFakeAtlassian({ sites: [{ name: "acme", projects: { PAY: 3 } }, { name: "globex", projects: { OPS: 1 } }] });
  database = await createTestDatabase();
  app = await startTestApp({
    db: database.db,
    env: { ATLASSIAN_CLIENT_ID: fake.clientId, ATLASSIAN_CLIENT_SECRET: fake.clientSecret, ATLASSIAN_AUTH_URL: fake.url, ATLASSIAN_API_URL: fake.url },
  });
  team = await seedWorkspace(app, database.db, "Northwind Payments");
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
  await database?.drop();
});

const page = () => `/w/${team.slug}/integrations/jira`;
const text = async (response: Response) => visibleText(await response.text());

describe("the Jira page", () => {
  it("connects through Settings → Integrations' connect route and Atlassian's consent page", async () => {
    expect(await text(await team.editor.browser.request(page()))).toContain("Jira is not connected.");
    const start = await team.admin.browser.request(`/w/${team.slug}/integrations/jira/connect`, { redirect: "manual" });
    expect(start.status).toBe(302);
    const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const done = await team.admin.browser.request(callback.pathname + callback.search);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/w/${team.slug}/settings/integrations?connected=jira`);
  });

  it("lets an admin choose among the reachable sites; an editor cannot, a viewer cannot open the page", async () => {
    const sites = fake.sites;
    expect((await team.viewer.browser.request(page())).status).toBe(403);
    const byEditor = await team.editor.browser.postForm(page(), { intent: "choose-site", cloudId: sites[0]!.id });
    expect(await text(byEditor)).toContain("Only admins choose the Jira site.");

    const empty = await team.admin.browser.postForm(page(), { intent: "choose-site", cloudId: "" });
    expect(fieldErrors(await empty.text(), "site")).toEqual(["Choose a site."]);
    const chosen = await team.admin.browser.postForm(page(), { intent: "choose-site", cloudId: sites[0]!.id });
    expect(await text(chosen)).toContain("Bearing uses the Jira site acme (https://acme.atlassian.net).");
  });

  it("pushes an initiative as an epic, with field errors for a missing key or a project Jira does not have", async () => {
    const initiative = await database.db
      .insertInto("initiatives")
      .values({ workspace_id: team.id, title: "Instant payouts", created_by: team.editor.id, updated_by: team.editor.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    const noKey = await team.editor.browser.postForm(page(), { intent: "push", initiativeId: initiative.id, projectKey: "" });
    expect(fieldErrors(await noKey.text(), "project")).toEqual(["Write the Jira project's key, such as PAY."]);
    const unknown = await team.editor.browser.postForm(page(), { intent: "push", initiativeId: initiative.id, projectKey: "NOPE" });
    expect(fieldErrors(await unknown.text(), "project")).toEqual(["Jira answered: Specify a valid project ID or key"]);

    const pushed = await team.editor.browser.postForm(page(), { intent: "push", initiativeId: initiative.id, projectKey: "pay" });
    expect(await text(pushed)).toContain("Created the epic PAY-4 and linked it.");
    expect(fake.project(0, "PAY").byKey("PAY-4")?.summary).toBe("Instant payouts");
  });

  it("syncs statuses on demand, and asks for a JQL query before importing", async () => {
    fake.project(0, "PAY").setStatus("PAY-4", "done");
    const synced = await team.editor.browser.postForm(page(), { intent: "sync" });
    expect(await text(synced)).toContain("Checked 1 linked issue; 1 changed status in Jira.");
    const initiative = await database.db.selectFrom("initiatives").select("status").where("workspace_id", "=", team.id).executeTakeFirstOrThrow();
    expect(initiative.status).toBe("shipped");

    const noJql = await team.editor.browser.postForm(page(), { intent: "import", jql: "" });
    expect(fieldErrors(await noJql.text(), "jql")).toEqual(["Write a JQL query, such as project = PAY AND issuetype = Epic."]);
  });
});
