import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { fieldErrors, startTestApp, visibleText, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";

let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  team = await seedWorkspace(app, database.db);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const PRIYA = {
  name: "Priya, the payments lead",
  segment: "Mid-market finance teams",
  goals: "Close the books two days faster",
  pains: "Reconciling payouts by hand",
  jobs_to_be_done: "When a payout fails, I want to know why, so I can tell the customer today",
  quote: "I live in spreadsheets at month end.",
};

async function createPriya() {
  const response = await team.editor.browser.postForm(`/w/${team.slug}/personas/new`, PRIYA);
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

describe("personas", () => {
  it("an editor creates a persona, everyone reads it, and the activity log records it", async () => {
    const location = await createPriya();
    expect(location).toMatch(new RegExp(`^/w/${team.slug}/personas/[0-9a-f-]{36}$`));
    const page = visibleText(await (await team.viewer.browser.request(location)).text());
    expect(page).toContain("Reconciling payouts by hand");
    const list = visibleText(await (await team.viewer.browser.request(`/w/${team.slug}/personas`)).text());
    expect(list).toContain(PRIYA.name);
    const event = await database.db.selectFrom("activity_events").selectAll().where("entity_title", "=", PRIYA.name).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "persona", actor_id: team.editor.id });
  });

  it("refuses a nameless persona with a field error and keeps what was typed", async () => {
    const response = await team.editor.browser.postForm(`/w/${team.slug}/personas/new`, { ...PRIYA, name: "  " });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "name")).toEqual(["Name the persona."]);
    expect(html).toContain(PRIYA.pains);
  });

  it("a viewer can neither create nor edit", async () => {
    expect((await team.viewer.browser.postForm(`/w/${team.slug}/personas/new`, PRIYA)).status).toBe(403);
    const location = await createPriya();
    expect((await team.viewer.browser.postForm(`${location}/edit`, { ...PRIYA, version: "1" })).status).toBe(403);
  });

  it("detects a conflicting edit, shows both texts and overwrites nothing", async () => {
    const location = await createPriya();
    const first = await team.editor.browser.postForm(`${location}/edit`, { ...PRIYA, pains: "Payout failures at 2 a.m.", version: "1" });
    expect(first.status).toBe(302);
    const stale = await team.admin.browser.postForm(`${location}/edit`, { ...PRIYA, pains: "Chasing approvals", version: "1" });
    expect(stale.status).toBe(409);
    const text = visibleText(await stale.text());
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("Payout failures at 2 a.m.");
    expect(text).toContain("Chasing approvals");
    const id = location.split("/").pop()!;
    const row = await database.db.selectFrom("personas").select(["pains", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ pains: "Payout failures at 2 a.m.", version: 2 });
  });

  it("deletes after confirmation", async () => {
    const location = await createPriya();
    const response = await team.editor.browser.postForm(location, { intent: "delete" });
    expect(response.status).toBe(302);
    expect((await team.editor.browser.request(location)).status).toBe(404);
  });

  it("exports the list as CSV, with formula-looking cells neutralised", async () => {
    await team.editor.browser.postForm(`/w/${team.slug}/personas/new`, { ...PRIYA, name: "=HYPERLINK(\"evil\")" });
    const response = await team.viewer.browser.request(`/w/${team.slug}/personas.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toContain("id,name,segment");
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
  });

  it("answers 404 for a malformed or unknown persona id", async () => {
    expect((await team.viewer.browser.request(`/w/${team.slug}/personas/not-an-id`)).status).toBe(404);
    expect((await team.viewer.browser.request(`/w/${team.slug}/personas/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
