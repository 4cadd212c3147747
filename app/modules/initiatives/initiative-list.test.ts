import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startTestApp, visibleText, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";

let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;
let personaId: string;

// Scores under RICE: 100, 10, none; under WSJF: 1, 8, 4; under ICE: none, none, 1000.
const SEEDS = [
  { title: "Alpha payouts dashboard", status: "planned", tags: ["payments"], target_quarter: "2026-Q4", reach: 500, impact: 2, confidence: 100, effort: 10, business_value: 1, time_criticality: 1, risk_reduction: 1, job_size: 3 },
  { title: "Bravo refund automation", status: "idea", tags: ["payments", "support"], target_quarter: "2026-Q2", reach: 100, impact: 1, confidence: 50, effort: 5, business_value: 20, time_criticality: 13, risk_reduction: 8, job_size: 5, description: "Automate chargeback paperwork" },
  { title: "Charlie onboarding revamp", status: "shipped", tags: ["growth"], target_quarter: null, business_value: 8, time_criticality: 8, risk_reduction: 4, job_size: 5, ice_impact: 10, ice_confidence: 10, ease: 10 },
] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  team = await seedWorkspace(app, database.db);
  personaId = (await database.db.insertInto("personas").values({ workspace_id: team.id, name: "Finance lead", segment: "", goals: "", pains: "", jobs_to_be_done: "", quote: "" }).returning("id").executeTakeFirstOrThrow()).id;
  const rows = await database.db
    .insertInto("initiatives")
    .values(SEEDS.map((seed, index) => ({ workspace_id: team.id, problem: "", description: "", ...seed, tags: [...seed.tags], owner_id: index === 0 ? team.editor.id : null })))
    .returning(["id", "title"])
    .execute();
  await database.db.insertInto("initiative_personas").values({ workspace_id: team.id, initiative_id: rows[1]!.id, persona_id: personaId }).execute();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** The titles of the list's rows, top to bottom. */
async function titles(query = "") {
  const response = await team.viewer.browser.request(`/w/${team.slug}/initiatives${query}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const body = html.match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? "";
  return { titles: [...body.matchAll(/<a [^>]*href="\/w\/[^/]+\/initiatives\/[0-9a-f-]{36}"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]), text: visibleText(html) };
}

describe("the initiative list", () => {
  it("sorts by score by default, best first, unscored last", async () => {
    expect((await titles()).titles).toEqual(["Alpha payouts dashboard", "Bravo refund automation", "Charlie onboarding revamp"]);
  });

  it.each([
    ["?sort=title", ["Alpha payouts dashboard", "Bravo refund automation", "Charlie onboarding revamp"]],
    ["?sort=title&dir=desc", ["Charlie onboarding revamp", "Bravo refund automation", "Alpha payouts dashboard"]],
    ["?sort=status", ["Bravo refund automation", "Alpha payouts dashboard", "Charlie onboarding revamp"]],
    ["?sort=quarter", ["Bravo refund automation", "Alpha payouts dashboard", "Charlie onboarding revamp"]],
    ["?sort=score&dir=asc", ["Bravo refund automation", "Alpha payouts dashboard", "Charlie onboarding revamp"]],
  ])("sorts %s", async (query, expected) => {
    expect((await titles(query)).titles).toEqual(expected);
  });

  it("filters by status, owner, tag, persona and quarter, and combines them", async () => {
    expect((await titles("?status=shipped")).titles).toEqual(["Charlie onboarding revamp"]);
    expect((await titles(`?owner=${team.editor.id}`)).titles).toEqual(["Alpha payouts dashboard"]);
    expect((await titles("?owner=none")).titles).toEqual(["Bravo refund automation", "Charlie onboarding revamp"]);
    expect((await titles("?tag=payments")).titles).toEqual(["Alpha payouts dashboard", "Bravo refund automation"]);
    expect((await titles(`?persona=${personaId}`)).titles).toEqual(["Bravo refund automation"]);
    expect((await titles("?quarter=2026-Q4")).titles).toEqual(["Alpha payouts dashboard"]);
    expect((await titles("?tag=payments&status=idea")).titles).toEqual(["Bravo refund automation"]);
    const none = await titles("?tag=payments&status=shipped");
    expect(none.titles).toEqual([]);
    expect(none.text).toContain("No initiative matches these filters");
  });

  it("searches titles and descriptions with full-text search, stemmed", async () => {
    expect((await titles("?q=refunds")).titles).toEqual(["Bravo refund automation"]);
    expect((await titles("?q=chargeback")).titles).toEqual(["Bravo refund automation"]);
    expect((await titles("?q=payout+OR+onboarding&sort=title")).titles).toEqual(["Alpha payouts dashboard", "Charlie onboarding revamp"]);
  });

  it("ignores nonsense in the address instead of failing", async () => {
    expect((await titles("?status=done&owner=bob&sort=evil&dir=sideways&page=-3&persona=x")).titles).toHaveLength(3);
  });

  it("keeps the filters in the CSV export link", async () => {
    const response = await team.viewer.browser.request(`/w/${team.slug}/initiatives.csv?tag=support`);
    const csv = await response.text();
    expect(csv).toContain("Bravo refund automation");
    expect(csv).not.toContain("Alpha payouts dashboard");
  });

  it("follows the framework an admin chooses: scores, formulas and order change", async () => {
    expect((await titles()).text).toContain("RICE 100 = 500 × 2 × 100% ÷ 10");
    expect((await team.editor.browser.postForm(`/w/${team.slug}/settings/workspace`, { intent: "prioritization", prioritization: "wsjf" })).status).toBe(403);

    const switched = await team.admin.browser.postForm(`/w/${team.slug}/settings/workspace`, { intent: "prioritization", prioritization: "wsjf" });
    expect(switched.status).toBe(302);
    const wsjf = await titles();
    expect(wsjf.titles).toEqual(["Bravo refund automation", "Charlie onboarding revamp", "Alpha payouts dashboard"]);
    expect(wsjf.text).toContain("WSJF 8.2 = (20 + 13 + 8) ÷ 5");
    expect(wsjf.text).not.toContain("RICE");

    await team.admin.browser.postForm(`/w/${team.slug}/settings/workspace`, { intent: "prioritization", prioritization: "ice" });
    const ice = await titles();
    expect(ice.titles[0]).toBe("Charlie onboarding revamp");
    expect(ice.text).toContain("ICE 1,000 = 10 × 10 × 10");
    expect(ice.text).toContain("ICE — needs impact, confidence and ease");

    const settings = visibleText(await (await team.admin.browser.request(`/w/${team.slug}/settings/workspace`)).text());
    expect(settings).toContain("Prioritisation framework");
    expect((await team.admin.browser.postForm(`/w/${team.slug}/settings/workspace`, { intent: "prioritization", prioritization: "moscow" })).status).toBe(400);
    await team.admin.browser.postForm(`/w/${team.slug}/settings/workspace`, { intent: "prioritization", prioritization: "rice" });
  });
});

describe("a workspace with 10,000 initiatives", () => {
  it("pages the list by 50 with a total count, and the board shows each column's best", async () => {
    const bulk = await seedWorkspace(app, database.db, "Bulk Co");
    await sql`insert into initiatives (workspace_id, title, status, reach, impact, confidence, effort)
        select ${bulk.id}, 'Initiative ' || lpad(n::text, 5, '0'),
          (array['idea','discovery','planned','in_progress','shipped','parked'])[1 + n % 6], n, 1, 100, 1
        from generate_series(1, 10000) n`.execute(database.db);
    const response = await bulk.viewer.browser.request(`/w/${bulk.slug}/initiatives?page=2`);
    const html = await response.text();
    const text = visibleText(html);
    expect(text).toContain("51–100 of 10,000 initiatives");
    expect(text).toContain("Page 2 of 200");
    expect(text).toContain("Initiative 09950");
    expect(html.match(/<tr class="align-top/g)).toHaveLength(50);

    const board = visibleText(await (await bulk.viewer.browser.request(`/w/${bulk.slug}/initiatives/board`)).text());
    expect(board).toContain("Showing the top 100 of 1,667");
  });
});
