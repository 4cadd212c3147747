import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startTestApp, visibleText, type Browser, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { createItem, laneTitles, orderOnPage } from "./roadmap-testing";
import type { Lane } from "./schema";

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

const board = () => `/w/${team.slug}/roadmap`;

function move(browser: Browser, fields: { intent?: string; id: string; lane: Lane; afterId?: string; beforeId?: string }) {
  return browser.postForm(board(), { intent: "move", ...fields });
}

async function idsByTitle(titles: string[]): Promise<Record<string, string>> {
  const rows = await database.db.selectFrom("roadmap_items").select(["id", "title"]).where("workspace_id", "=", team.id).where("title", "in", titles).execute();
  return Object.fromEntries(rows.map((row) => [row.title, row.id]));
}

/** The invariants no sequence of moves may break. */
async function expectConsistentWorkspace(expectedIds: string[]) {
  const rows = await database.db.selectFrom("roadmap_items").select(["id", "lane", "position"]).where("workspace_id", "=", team.id).execute();
  expect(rows.map((row) => row.id).sort()).toEqual([...expectedIds].sort());
  const keys = rows.map((row) => `${row.lane}/${row.position}`);
  expect(new Set(keys).size).toBe(keys.length);
  // What people see on the board is the stored order, lane by lane.
  const text = visibleText(await (await team.viewer.browser.request(board())).text());
  for (const lane of ["now", "next", "later"] as const) {
    const titles = await laneTitles(database.db, team.id, lane);
    const laneText = text.slice(text.indexOf(`${lane[0]!.toUpperCase()}${lane.slice(1)} `));
    expect(orderOnPage(laneText, titles)).toEqual(titles);
  }
}

describe("roadmap order", () => {
  let all: string[] = [];

  it("puts new items at the end of their lane, and the board shows them in that order", async () => {
    for (const title of ["Alpha", "Bravo", "Charlie", "Delta"]) all.push(await createItem(team.editor.browser, team.slug, { title, lane: "now" }));
    all.push(await createItem(team.editor.browser, team.slug, { title: "Echo", lane: "next" }));
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    const text = visibleText(await (await team.viewer.browser.request(board())).text());
    expect(orderOnPage(text, ["Delta", "Echo", "Alpha", "Charlie", "Bravo"])).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
  });

  it("moves up and down with plain form buttons, and comes back to the card", async () => {
    const ids = await idsByTitle(["Alpha", "Charlie", "Delta"]);
    const up = await team.editor.browser.postForm(`${board()}?index`, { intent: "move-up", id: ids.Charlie!, lane: "now" });
    expect(up.status).toBe(302);
    expect(up.headers.get("location")).toBe(`${board()}#item-${ids.Charlie}`);
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Alpha", "Charlie", "Bravo", "Delta"]);
    await team.editor.browser.postForm(`${board()}?index`, { intent: "move-down", id: ids.Alpha!, lane: "now" });
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    // At the edges there is nowhere to go: nothing changes.
    await team.editor.browser.postForm(board(), { intent: "move-up", id: ids.Charlie!, lane: "now" });
    await team.editor.browser.postForm(board(), { intent: "move-down", id: ids.Delta!, lane: "now" });
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    // "Up" pressed on a page showing another lane than the item's describes nothing any more.
    await team.editor.browser.postForm(board(), { intent: "move-up", id: ids.Delta!, lane: "next" });
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    await expectConsistentWorkspace(all);
  });

  it("moves to another lane with a button, to the end of that lane", async () => {
    const ids = await idsByTitle(["Bravo"]);
    expect((await team.editor.browser.postForm(board(), { intent: "move-to-lane", id: ids.Bravo!, lane: "next" })).status).toBe(302);
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Charlie", "Alpha", "Delta"]);
    expect(await laneTitles(database.db, team.id, "next")).toEqual(["Echo", "Bravo"]);
    const event = await database.db.selectFrom("activity_events").select("action").where("entity_id", "=", ids.Bravo!).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(event.action).toBe("updated");
  });

  it("places a dragged item between the neighbours it names, within a lane and across lanes", async () => {
    const ids = await idsByTitle(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    // Within a lane: Delta to the top (it goes before Charlie).
    const top = await move(team.editor.browser, { id: ids.Delta!, lane: "now", beforeId: ids.Charlie! });
    expect(top.status).toBe(200);
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Delta", "Charlie", "Alpha"]);
    // Across lanes: Echo from Next into Now, after Charlie.
    await move(team.editor.browser, { id: ids.Echo!, lane: "now", afterId: ids.Charlie!, beforeId: ids.Alpha! });
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Delta", "Charlie", "Echo", "Alpha"]);
    expect(await laneTitles(database.db, team.id, "next")).toEqual(["Bravo"]);
    // Into an empty lane: no neighbours.
    await move(team.editor.browser, { id: ids.Alpha!, lane: "later" });
    expect(await laneTitles(database.db, team.id, "later")).toEqual(["Alpha"]);
    // "After" wins when both neighbours are named but someone moved the "before" one meanwhile.
    await move(team.editor.browser, { id: ids.Bravo!, lane: "now", afterId: ids.Delta!, beforeId: ids.Alpha! });
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Delta", "Bravo", "Charlie", "Echo"]);
    await expectConsistentWorkspace(all);
  });

  it("a drop whose neighbours have left the lane still lands, at the end of the lane", async () => {
    const ids = await idsByTitle(["Alpha", "Charlie", "Echo"]);
    // Alpha is in Later now: as an anchor in Now it means nothing.
    await move(team.editor.browser, { id: ids.Charlie!, lane: "now", afterId: ids.Alpha! });
    expect(await laneTitles(database.db, team.id, "now")).toEqual(["Delta", "Bravo", "Echo", "Charlie"]);
    // A drop where the item already is changes nothing (not even the activity log).
    const before = await database.db.selectFrom("activity_events").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    await move(team.editor.browser, { id: ids.Echo!, lane: "now", afterId: (await idsByTitle(["Bravo"])).Bravo! });
    const after = await database.db.selectFrom("activity_events").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    await expectConsistentWorkspace(all);
  });

  it("refuses a move that names no lane, or a lane that does not exist", async () => {
    const ids = await idsByTitle(["Delta"]);
    expect((await move(team.editor.browser, { id: ids.Delta!, lane: "someday" as Lane })).status).toBe(400);
    expect((await team.editor.browser.postForm(board(), { intent: "move-up", id: ids.Delta! })).status).toBe(400);
    await expectConsistentWorkspace(all);
  });

  describe("two people reordering at once never corrupt the order", () => {
    let anchor: string;
    let successor: string;
    let movers: string[];

    beforeAll(async () => {
      anchor = await createItem(team.editor.browser, team.slug, { title: "Anchor", lane: "next" });
      successor = await createItem(team.editor.browser, team.slug, { title: "Successor", lane: "next" });
      movers = [];
      for (let i = 1; i <= 20; i++) {
        movers.push(await createItem(team.editor.browser, team.slug, { title: `Mover ${String(i).padStart(2, "0")}`, lane: i % 2 ? "later" : "now" }));
      }
      all = [...all, anchor, successor, ...movers];
    });

    it("20 simultaneous drops right after the same item all land there, each exactly once", async () => {
      const people = [team.editor.browser, team.admin.browser, team.owner.browser];
      const responses = await Promise.all(movers.map((id, i) => move(people[i % people.length]!, { id, lane: "next", afterId: anchor, beforeId: successor })));
      expect(responses.map((r) => r.status)).toEqual(movers.map(() => 200));
      const next = await database.db.selectFrom("roadmap_items").select(["id", "position"]).where("workspace_id", "=", team.id).where("lane", "=", "next").orderBy("position").execute();
      const order = next.map((row) => row.id);
      const at = order.indexOf(anchor);
      // Whoever got there first, the 20 sit between Anchor and Successor, none lost, none twice.
      expect(order.slice(at + 1, at + 21).sort()).toEqual([...movers].sort());
      expect(order[at + 21]).toBe(successor);
      await expectConsistentWorkspace(all);
    });

    it("20 simultaneous mixed moves (drags, buttons, lane changes, the same item twice) keep every item exactly once", async () => {
      const people = [team.editor.browser, team.admin.browser];
      const requests = movers.map((id, i) => {
        const person = people[i % 2]!;
        switch (i % 5) {
          case 0:
            return move(person, { id, lane: "now", beforeId: anchor });
          case 1:
            return person.postForm(board(), { intent: "move-up", id, lane: "next" });
          case 2:
            return person.postForm(board(), { intent: "move-down", id, lane: "next" });
          case 3:
            return person.postForm(board(), { intent: "move-to-lane", id, lane: "later" });
          default:
            return move(person, { id, lane: "next", afterId: movers[(i + 7) % movers.length], beforeId: successor });
        }
      });
      // And two people drag the same item to different lanes at the same moment.
      requests.push(move(team.owner.browser, { id: anchor, lane: "later" }), move(team.viewer.browser, { id: anchor, lane: "now" }), move(team.admin.browser, { id: anchor, lane: "now" }));
      const statuses = (await Promise.all(requests)).map((r) => r.status);
      expect(statuses.slice(0, 20).every((status) => status === 200 || status === 302)).toBe(true);
      expect(statuses.slice(20)).toEqual([200, 403, 200]);
      await expectConsistentWorkspace(all);
    });
  });
});
