import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../db/testing/database";
import { startFakeNotion, type FakeNotion } from "../../../../integrations/notion/fake-server";
import { startTestApp, visibleText, type TestApp } from "../../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../../server/testing-workspace";

let fake: FakeNotion;
let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;
beforeAll(async () => {
  fake = await startFakeNotion();
  database = await createTestDatabase();
  app = await startTestApp({
    db: database.db,
    env: { NOTION_CLIENT_ID: fake.clientId, NOTION_CLIENT_SECRET: fake.clientSecret, NOTION_BASE_URL: fake.url },
    jobs: { databaseUrl: database.url },
  });
  team = await seedWorkspace(app, database.db, "Northwind Payments");
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
  await database?.drop();
});

const page = () => `/w/${team.slug}/integrations/notion`;
const text = async (response: Response) => visibleText(await response.text());

/** The Notion page as the editor reloads it, until `expected` shows (an import job has finished). */
async function reloadUntil(expected: string) {
  for (;;) {
    const shown = await text(await team.editor.browser.request(page()));
    if (shown.includes(expected)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the Notion page", () => {
  it("connects through Settings → Integrations' connect route and Notion's consent page (owner=user)", async () => {
    expect(await text(await team.editor.browser.request(page()))).toContain("Notion is not connected.");
    expect(fake.requests).toEqual([]);
    const start = await team.admin.browser.request(`/w/${team.slug}/integrations/notion/connect`, { redirect: "manual" });
    expect(start.status).toBe(302);
    expect(new URL(start.headers.get("location")!).searchParams.get("owner")).toBe("user");
    const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
    const callback = new URL(consent.headers.get("location")!);
    const done = await team.admin.browser.request(callback.pathname + callback.search);
    expect(done.headers.get("location")).toBe(`/w/${team.slug}/settings/integrations?connected=notion`);
    expect(await text(await team.admin.browser.request(`/w/${team.slug}/settings/integrations`))).toContain("Open Notion: import pages, export the roadmap");
  });

  it("lets an editor search and import a page as a transcript in the background; a viewer cannot open the page", async () => {
    expect((await team.viewer.browser.request(page())).status).toBe(403);
    const standup = fake.store.addPage("Standup 3 March", [{ type: "heading_2", text: "Blockers" }, { type: "bulleted_list_item", text: "Billing API is late" }]);
    expect(await text(await team.editor.browser.request(`${page()}?q=standup`))).toContain("Standup 3 March");

    const imported = await team.editor.browser.postForm(page(), { intent: "import", pageId: standup.id });
    expect(await text(imported)).toContain("Importing the page as a transcript; its progress shows below.");
    const done = await reloadUntil("Open the transcript “Standup 3 March”");
    expect(done).toContain("Notion import");
    expect(done).toContain("Imported 2 blocks");
    const transcripts = await text(await team.editor.browser.request(`/w/${team.slug}/transcripts`));
    expect(transcripts).toContain("Standup 3 March");
  });

  it("imports a page as a note: listed with the transcripts as a Note, with no meeting date", async () => {
    const spec = fake.store.addPage("Checkout spec", [{ type: "paragraph", text: "Cards first, then wallets." }]);
    const imported = await team.editor.browser.postForm(page(), { intent: "import", pageId: spec.id, as: "note" });
    expect(await text(imported)).toContain("Importing the page as a note; its progress shows below.");
    await reloadUntil("Open the note “Checkout spec”");
    const stored = await database.db.selectFrom("transcripts").select(["id", "kind", "meeting_date", "content", "source"]).where("workspace_id", "=", team.id).where("title", "=", "Checkout spec").executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kind: "note", meeting_date: null, content: "Cards first, then wallets.", source: "notion" });
    expect(await text(await team.editor.browser.request(`/w/${team.slug}/transcripts/${stored.id}`))).toContain("Note · Markdown");
  });

  it("shows a field error without a chosen page, and Notion's 404 as the import's error", async () => {
    const missing = await team.editor.browser.postForm(page(), { intent: "export", pageId: "" });
    expect(missing.status).toBe(400);
    expect(await text(missing)).toContain("Choose a Notion page from the search results.");
    await team.editor.browser.postForm(page(), { intent: "import", pageId: "0f4e0e35-0000-4000-8000-000000000000" });
    const failed = await reloadUntil("Stopped after 1 attempt");
    expect(failed).toMatch(/Last error: .*not shared with Bearing/);
  });
});
