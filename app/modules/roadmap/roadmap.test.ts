import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { fieldErrors, startTestApp, visibleText, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { createInitiative, createItem } from "./roadmap-testing";

let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;
let rivals: SeededWorkspace;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  team = await seedWorkspace(app, database.db);
  rivals = await seedWorkspace(app, database.db, "Contoso Ledger");
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const PAYOUTS = {
  title: "Instant payouts for marketplaces",
  description: "Sellers get their money in minutes, not days.",
  lane: "next",
  start_quarter: "2026-Q1",
  end_quarter: "2026-Q3",
};

describe("roadmap items", () => {
  it("an editor adds an item with a linked initiative; everyone reads it on its page and on the board", async () => {
    const initiativeId = await createInitiative(database.db, team.id, "Payout speed");
    const id = await createItem(team.editor.browser, team.slug, { ...PAYOUTS, initiative_id: initiativeId });
    const page = visibleText(await (await team.viewer.browser.request(`/w/${team.slug}/roadmap/${id}`)).text());
    expect(page).toContain(PAYOUTS.title);
    expect(page).toContain("Sellers get their money in minutes");
    expect(page).toContain("2026-Q1 – Q3");
    expect(page).toContain("Payout speed");
    const board = visibleText(await (await team.viewer.browser.request(`/w/${team.slug}/roadmap`)).text());
    expect(board).toContain(PAYOUTS.title);
    const event = await database.db.selectFrom("activity_events").selectAll().where("entity_id", "=", id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "roadmap_item", actor_id: team.editor.id, entity_title: PAYOUTS.title });
  });

  it("offers the workspace's initiatives by title, and only those", async () => {
    await createInitiative(database.db, team.id, "Reconciliation autopilot");
    await createInitiative(database.db, rivals.id, "Contoso secret plan");
    const form = visibleText(await (await team.editor.browser.request(`/w/${team.slug}/roadmap/new`)).text());
    expect(form).toContain("Reconciliation autopilot");
    expect(form).not.toContain("Contoso secret plan");
  });

  it("refuses a title-less item and impossible quarters with field errors, keeping what was typed", async () => {
    const response = await team.editor.browser.postForm(`/w/${team.slug}/roadmap/new`, {
      ...PAYOUTS,
      title: "",
      start_quarter: "2026-Q3",
      end_quarter: "2026-Q1",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "title")).toEqual(["Give the item a title."]);
    expect(fieldErrors(html, "end_quarter")).toEqual(["The end quarter comes before the start quarter."]);
    expect(html).toContain(PAYOUTS.description);

    const malformed = await team.editor.browser.postForm(`/w/${team.slug}/roadmap/new`, { ...PAYOUTS, start_quarter: "Q3 2026", end_quarter: "" });
    expect(malformed.status).toBe(400);
    expect(fieldErrors(await malformed.text(), "start_quarter")).toEqual(["Use a quarter like 2026-Q3."]);
  });

  it("refuses to link another workspace's initiative, as if it did not exist", async () => {
    const theirs = await createInitiative(database.db, rivals.id, "Contoso expansion");
    const response = await team.editor.browser.postForm(`/w/${team.slug}/roadmap/new`, { ...PAYOUTS, title: "Borrowed initiative", initiative_id: theirs });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "initiative_id")).toEqual(["Choose an initiative from the list."]);
    const stored = await database.db.selectFrom("roadmap_items").select("id").where("title", "=", "Borrowed initiative").execute();
    expect(stored).toEqual([]);
  });

  it("a viewer can neither create, edit, move nor delete", async () => {
    expect((await team.viewer.browser.postForm(`/w/${team.slug}/roadmap/new`, PAYOUTS)).status).toBe(403);
    const id = await createItem(team.editor.browser, team.slug, { ...PAYOUTS, title: "Viewer-proof item" });
    expect((await team.viewer.browser.postForm(`/w/${team.slug}/roadmap/${id}/edit`, { ...PAYOUTS, version: "1" })).status).toBe(403);
    expect((await team.viewer.browser.postForm(`/w/${team.slug}/roadmap`, { intent: "move-to-lane", id, lane: "later" })).status).toBe(403);
    expect((await team.viewer.browser.postForm(`/w/${team.slug}/roadmap/${id}`, { intent: "delete" })).status).toBe(403);
    const row = await database.db.selectFrom("roadmap_items").select(["title", "lane"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Viewer-proof item", lane: "next" });
    const board = await (await team.viewer.browser.request(`/w/${team.slug}/roadmap`)).text();
    expect(visibleText(board)).not.toContain("Move up");
  });

  it("edits an item; a stale save is a conflict that shows both texts and overwrites nothing", async () => {
    const id = await createItem(team.editor.browser, team.slug, { ...PAYOUTS, title: "Dispute inbox" });
    const path = `/w/${team.slug}/roadmap/${id}/edit`;
    const first = await team.editor.browser.postForm(path, { ...PAYOUTS, title: "Dispute inbox", description: "One inbox for every chargeback.", version: "1" });
    expect(first.status).toBe(302);
    const stale = await team.admin.browser.postForm(path, { ...PAYOUTS, title: "Dispute inbox", description: "Auto-answer disputes with evidence.", version: "1" });
    expect(stale.status).toBe(409);
    const text = visibleText(await stale.text());
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("One inbox for every chargeback.");
    expect(text).toContain("Auto-answer disputes with evidence.");
    const row = await database.db.selectFrom("roadmap_items").select(["description", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ description: "One inbox for every chargeback.", version: 2 });
  });

  it("moving an item to another lane makes an edit form opened before the move stale", async () => {
    const id = await createItem(team.editor.browser, team.slug, { ...PAYOUTS, title: "Tax forms" });
    expect((await team.admin.browser.postForm(`/w/${team.slug}/roadmap`, { intent: "move-to-lane", id, lane: "later" })).status).toBe(302);
    const stale = await team.editor.browser.postForm(`/w/${team.slug}/roadmap/${id}/edit`, { ...PAYOUTS, title: "Tax forms", version: "1" });
    expect(stale.status).toBe(409);
    const row = await database.db.selectFrom("roadmap_items").select("lane").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.lane).toBe("later");
  });

  it("changing the lane in the edit form sends the item to the end of its new lane", async () => {
    const first = await createItem(team.editor.browser, team.slug, { title: "Lane-change anchor", lane: "later" });
    const id = await createItem(team.editor.browser, team.slug, { title: "Lane-changer", lane: "now" });
    expect((await team.editor.browser.postForm(`/w/${team.slug}/roadmap/${id}/edit`, { title: "Lane-changer", lane: "later", version: "1" })).status).toBe(302);
    const later = await database.db.selectFrom("roadmap_items").select(["id", "position"]).where("workspace_id", "=", team.id).where("lane", "=", "later").orderBy("position").execute();
    expect(later.map((row) => row.id).indexOf(first)).toBeLessThan(later.map((row) => row.id).indexOf(id));
    expect(later.at(-1)?.id).toBe(id);
  });

  it("deletes after confirmation and records it", async () => {
    const id = await createItem(team.editor.browser, team.slug, { title: "Short-lived item" });
    const response = await team.editor.browser.postForm(`/w/${team.slug}/roadmap/${id}`, { intent: "delete" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${team.slug}/roadmap`);
    expect((await team.editor.browser.request(`/w/${team.slug}/roadmap/${id}`)).status).toBe(404);
    const event = await database.db.selectFrom("activity_events").select("action").where("entity_id", "=", id).where("action", "=", "deleted").executeTakeFirst();
    expect(event).toBeDefined();
  });

  it("answers 404 for a malformed, unknown or other workspace's item, and changes nothing", async () => {
    const theirs = await createItem(rivals.editor.browser, rivals.slug, { title: "Contoso launch", lane: "now" });
    for (const id of ["not-an-id", "00000000-0000-4000-8000-000000000000", theirs]) {
      expect((await team.viewer.browser.request(`/w/${team.slug}/roadmap/${id}`)).status).toBe(404);
      expect((await team.editor.browser.request(`/w/${team.slug}/roadmap/${id}/edit`)).status).toBe(404);
    }
    expect((await team.editor.browser.postForm(`/w/${team.slug}/roadmap/${theirs}/edit`, { title: "Hijacked", lane: "now", version: "1" })).status).toBe(404);
    expect((await team.editor.browser.postForm(`/w/${team.slug}/roadmap/${theirs}`, { intent: "delete" })).status).toBe(404);
    expect((await team.editor.browser.postForm(`/w/${team.slug}/roadmap`, { intent: "move-to-lane", id: theirs, lane: "later" })).status).toBe(404);
    expect((await team.editor.browser.postForm(`/w/${team.slug}/roadmap`, { intent: "move", id: theirs, lane: "later" })).status).toBe(404);
    const row = await database.db.selectFrom("roadmap_items").select(["title", "lane", "version"]).where("id", "=", theirs).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Contoso launch", lane: "now", version: 1 });
  });
});

describe("roadmap timeline", () => {
  it("shows quarter columns over the current year and every item's span, and lists unscheduled items aside", async () => {
    const planners = await seedWorkspace(app, database.db, "Tailspin Treasury");
    await createItem(planners.editor.browser, planners.slug, { title: "Treasury API", lane: "next", start_quarter: "2031-Q2", end_quarter: "2031-Q4" });
    await createItem(planners.editor.browser, planners.slug, { title: "Someday idea", lane: "later" });
    const response = await planners.viewer.browser.request(`/w/${planners.slug}/roadmap/timeline`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const year = new Date().getUTCFullYear();
    // Year headings span their quarters; the bar spans its three quarters.
    expect(html).toMatch(new RegExp(`colSpan="4" scope="colgroup"[^>]*>${year}<`));
    expect(html).toMatch(/colSpan="4" scope="colgroup"[^>]*>2031</);
    expect(html).toMatch(/<td colSpan="3"[^>]*><div[^>]*>2031-Q2 – Q4<\/div>/);
    const text = visibleText(html);
    expect(text).toContain("Treasury API");
    expect(text).toMatch(/Not scheduled \(1\) Someday idea · Later/);
  });
});

describe("roadmap exports", () => {
  let exporters: SeededWorkspace;
  beforeAll(async () => {
    exporters = await seedWorkspace(app, database.db, "Fabrikam Billing");
    const initiative = await createInitiative(database.db, exporters.id, "Self-serve onboarding");
    await createItem(exporters.editor.browser, exporters.slug, { title: "Usage-based billing", lane: "now", start_quarter: "2026-Q2", initiative_id: initiative });
    await createItem(exporters.editor.browser, exporters.slug, { title: "=HYPERLINK(\"evil\")", lane: "now", description: "Line one\nLine *two*" });
    await createItem(exporters.editor.browser, exporters.slug, { title: "EU data residency", lane: "later", start_quarter: "2026-Q4", end_quarter: "2027-Q2" });
  });

  it("exports CSV with lane and rank, formula-looking cells neutralised", async () => {
    const response = await exporters.viewer.browser.request(`/w/${exporters.slug}/roadmap.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("id,title,lane,rank,start_quarter,end_quarter,initiative,initiative_id,description,source,updated_at");
    expect(lines[1]).toContain(",Usage-based billing,now,1,2026-Q2,,Self-serve onboarding,");
    expect(lines[2]).toContain(`"'=HYPERLINK(""evil"")",now,2`);
    expect(lines.join("\n")).toContain(",EU data residency,later,1,2026-Q4,2027-Q2,");
  });

  it("exports Markdown: a heading per lane, a bullet per item with its quarters and initiative", async () => {
    const response = await exporters.viewer.browser.request(`/w/${exporters.slug}/roadmap.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/markdown");
    expect(response.headers.get("content-disposition")).toContain(`${exporters.slug}-roadmap.md`);
    const markdown = await response.text();
    expect(markdown).toMatch(/^# Fabrikam Billing roadmap\n/);
    const now = markdown.indexOf("## Now");
    const next = markdown.indexOf("## Next");
    const later = markdown.indexOf("## Later");
    expect(now).toBeGreaterThan(0);
    expect(next).toBeGreaterThan(now);
    expect(later).toBeGreaterThan(next);
    expect(markdown).toContain("- **Usage-based billing** (2026-Q2; initiative: Self-serve onboarding)");
    expect(markdown).toContain("- **=HYPERLINK\\(\"evil\"\\)**\n  Line one\n  Line \\*two\\*");
    expect(markdown.slice(next, later)).toContain("_Nothing planned yet._");
    expect(markdown.slice(later)).toContain("- **EU data residency** (2026-Q4 – 2027-Q2)");
  });

  it("exports only the signed-in member's workspace", async () => {
    expect((await team.viewer.browser.request(`/w/${exporters.slug}/roadmap.csv`)).status).toBe(404);
    expect((await team.viewer.browser.request(`/w/${exporters.slug}/roadmap.md`)).status).toBe(404);
  });
});
