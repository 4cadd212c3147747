import { generateNKeysBetween } from "fractional-indexing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startTestApp, visibleText, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { LANE_PAGE, TIMELINE_PAGE } from "./bounded.server";
import { laneTitles } from "./roadmap-testing";
import type { Lane } from "./schema";
import { createShare } from "./shares.server";

// Large roadmaps: every page reads a bounded number of items, and "Show more" (a GET parameter per
// lane, no JavaScript needed) reads more.

let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;
const NOW_COUNT = LANE_PAGE + 10;
const title = (lane: Lane, n: number) => `${lane}-item-${String(n).padStart(3, "0")}`;

async function seedLane(lane: Lane, count: number, quarter: (n: number) => string | null) {
  const keys = generateNKeysBetween(null, null, count);
  await database.db
    .insertInto("roadmap_items")
    .values(keys.map((position, n) => ({ workspace_id: team.id, title: title(lane, n + 1), description: "", lane, position, start_quarter: quarter(n), created_by: team.owner.id, updated_by: team.owner.id })))
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  team = await seedWorkspace(app, database.db);
  // Now: 60 items, all scheduled in 2026-Q1; Next: 3 unscheduled; Later: none.
  await seedLane("now", NOW_COUNT, () => "2026-Q1");
  await seedLane("next", 3, () => null);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const board = (query = "") => `/w/${team.slug}/roadmap${query}`;
const page = async (path: string) => {
  const response = await team.viewer.browser.request(path);
  expect(response.status).toBe(200);
  return response.text();
};

describe("roadmap board, lane by lane", () => {
  it("shows each lane's first items in order, its count, and a Show more link for the lane", async () => {
    const html = await page(board());
    const text = visibleText(html);
    expect(text).toContain(title("now", 1));
    expect(text).toContain(title("now", LANE_PAGE));
    expect(text).not.toContain(title("now", LANE_PAGE + 1));
    expect(text).toContain(`Showing ${LANE_PAGE} of ${NOW_COUNT}`);
    expect(html).toContain(`href="/w/${team.slug}/roadmap?now=${2 * LANE_PAGE}"`);
    // Lanes that fit show everything and offer no more.
    expect(text).toContain(title("next", 3));
    expect(html).not.toContain("?next=");
    expect(html).not.toContain("?later=");
  });

  it("shows more of one lane when its parameter asks, without JavaScript", async () => {
    const text = visibleText(await page(board(`?now=${2 * LANE_PAGE}`)));
    expect(text).toContain(title("now", NOW_COUNT));
    expect(text).not.toContain("Showing ");
    // Nonsense values fall back to the first page.
    expect(visibleText(await page(board("?now=abc&next=-5")))).toContain(`Showing ${LANE_PAGE} of ${NOW_COUNT}`);
  });

  it("keeps the Move buttons working and comes back to the board as it was shown", async () => {
    const [first, second] = await database.db.selectFrom("roadmap_items").select(["id", "title"]).where("workspace_id", "=", team.id).where("lane", "=", "now").orderBy("position").limit(2).execute();
    const response = await team.editor.browser.postForm(board(`?now=${2 * LANE_PAGE}&index`), { intent: "move-down", id: first!.id, lane: "now" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(board(`?now=${2 * LANE_PAGE}#item-${first!.id}`));
    expect((await laneTitles(database.db, team.id, "now")).slice(0, 2)).toEqual([second!.title, first!.title]);
  });

  it("places a drop after the last shown item right there, before the items not shown", async () => {
    const titles = await laneTitles(database.db, team.id, "now");
    const ids = Object.fromEntries(
      (await database.db.selectFrom("roadmap_items").select(["id", "title"]).where("workspace_id", "=", team.id).execute()).map((row) => [row.title, row.id]),
    );
    const lastShown = titles[LANE_PAGE - 1]!;
    const response = await team.editor.browser.postForm(board(), { intent: "move", id: ids[title("next", 1)]!, lane: "now", afterId: ids[lastShown]! });
    expect(response.status).toBe(200);
    const after = await laneTitles(database.db, team.id, "now");
    expect(after[LANE_PAGE]).toBe(title("next", 1));
    expect(after[LANE_PAGE + 1]).toBe(titles[LANE_PAGE]);
  });
});

describe("roadmap timeline and share page", () => {
  it("shows the timeline's first scheduled items with the count of those not shown", async () => {
    await seedLane("later", TIMELINE_PAGE, () => "2026-Q2");
    const text = visibleText(await page(`/w/${team.slug}/roadmap/timeline`));
    const scheduled = NOW_COUNT + TIMELINE_PAGE; // Now and Later; Next and the item moved from it have no quarter
    expect(text).toContain(`Showing ${TIMELINE_PAGE} of ${scheduled} scheduled items; ${scheduled - TIMELINE_PAGE} not shown.`);
    expect(text).toContain("Not scheduled (3)");
    const all = visibleText(await page(`/w/${team.slug}/roadmap/timeline?scheduled=${2 * TIMELINE_PAGE}`));
    expect(all).not.toContain("scheduled items;");
    expect(all).toContain(title("later", TIMELINE_PAGE));
  });

  it("bounds the public share page the same way, with Show more per lane", async () => {
    const { token } = await createShare(database.db, team.id, team.owner.id, []);
    const html = await page(`/share/${token}`);
    const text = visibleText(html);
    expect(text).toContain(`Showing ${LANE_PAGE} of ${NOW_COUNT + 1}`);
    expect(text).toContain(`Showing ${LANE_PAGE} of ${TIMELINE_PAGE}`);
    expect(html).toContain(`href="/share/${token}?later=${2 * LANE_PAGE}"`);
    expect(visibleText(await page(`/share/${token}?later=${2 * LANE_PAGE}`))).toContain(title("later", TIMELINE_PAGE));
  });
});
