import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startTestApp, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { PAGE_SIZE } from "./list-params";
import { computeScore, FRAMEWORK_IDS, type ScoreValues } from "./scoring";

// The list sorts by the STORED generated score columns (migration 20261123200500); the page shows
// scoring.ts's scores. Both must agree, for complete, missing and zero inputs alike.

let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;

const INPUTS: ScoreValues[] = [
  { reach: 500, impact: 2, confidence: 100, effort: 10 },
  { reach: 1234, impact: 0.25, confidence: 33, effort: 0.5 },
  { reach: 0, impact: 3, confidence: 80, effort: 2 },
  { reach: 100, impact: 1, confidence: 0, effort: 1 },
  { reach: 100, impact: null, confidence: 50, effort: 1 },
  { reach: 100, impact: 1, confidence: 50, effort: null },
  { business_value: 20, time_criticality: 13, risk_reduction: 8, job_size: 5 },
  { business_value: 1, time_criticality: 2, risk_reduction: 3, job_size: 13 },
  { business_value: 1, time_criticality: null, risk_reduction: 3, job_size: 13 },
  { business_value: 5, time_criticality: 5, risk_reduction: 5, job_size: null },
  { ice_impact: 10, ice_confidence: 7, ease: 3 },
  { ice_impact: 1, ice_confidence: 1, ease: 1 },
  { ice_impact: 4, ice_confidence: null, ease: 9 },
  {},
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  team = await seedWorkspace(app, database.db);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe("stored score columns", () => {
  it("equal scoring.ts's scores for every framework, null when an input is missing", async () => {
    const rows = await database.db
      .insertInto("initiatives")
      .values(INPUTS.map((values, n) => ({ workspace_id: team.id, title: `Inputs ${n}`, problem: "", description: "", ...values })))
      .returning(["title", "rice_score", "wsjf_score", "ice_score"])
      .execute();
    for (const [n, values] of INPUTS.entries()) {
      const row = rows.find((r) => r.title === `Inputs ${n}`)!;
      for (const framework of FRAMEWORK_IDS) {
        const expected = computeScore(framework, values).value;
        const stored = row[`${framework}_score`];
        if (expected === null) expect(stored, `${framework} of inputs ${n}`).toBeNull();
        else expect(stored, `${framework} of inputs ${n}`).toBeCloseTo(expected, 9);
      }
    }
  });

  it("never holds an infinite score: a divisor of 0 is refused, as scoring.ts treats it as missing", async () => {
    expect(computeScore("rice", { reach: 1, impact: 1, confidence: 100, effort: 0 }).value).toBeNull();
    expect(computeScore("wsjf", { business_value: 1, time_criticality: 1, risk_reduction: 1, job_size: 0 }).value).toBeNull();
    const insert = (values: ScoreValues) => database.db.insertInto("initiatives").values({ workspace_id: team.id, title: "Zero", problem: "", description: "", ...values }).execute();
    await expect(insert({ reach: 1, impact: 1, confidence: 100, effort: 0 })).rejects.toThrow(/effort_positive/);
    await expect(insert({ business_value: 1, time_criticality: 1, risk_reduction: 1, job_size: 0 })).rejects.toThrow(/job_size_positive/);
    // The formula itself would give NULL, not a division error, whatever wrote the row.
    const { rows } = await sql<{ score: number | null }>`select (1 * 1 * (100 / 100.0)) / nullif(0::numeric, 0) as score`.execute(database.db);
    expect(rows[0]!.score).toBeNull();
  });

  it("keeps up when the inputs change", async () => {
    const { id } = await database.db.insertInto("initiatives").values({ workspace_id: team.id, title: "Changing", problem: "", description: "", reach: 10, impact: 1, confidence: 100, effort: 1 }).returning("id").executeTakeFirstOrThrow();
    await database.db.updateTable("initiatives").set({ effort: 4 }).where("workspace_id", "=", team.id).where("id", "=", id).execute();
    const row = await database.db.selectFrom("initiatives").select("rice_score").where("workspace_id", "=", team.id).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.rice_score).toBe(2.5);
  });
});

describe("score order through the generated columns", () => {
  it("pages through equal and missing scores without repeating or skipping a row, best first, unscored last", async () => {
    await database.db.deleteFrom("initiatives").where("workspace_id", "=", team.id).execute();
    // 70 initiatives, many with the same RICE score, some unscored.
    const seeds = Array.from({ length: 70 }, (_, n) => ({
      workspace_id: team.id,
      title: `Scored ${String(n).padStart(2, "0")}`,
      problem: "",
      description: "",
      ...(n % 7 === 0 ? {} : { reach: (n % 5) * 100, impact: 1, confidence: 100, effort: 1 }),
    }));
    await database.db.insertInto("initiatives").values(seeds).execute();
    const shown: string[] = [];
    for (const pageNumber of [1, 2]) {
      const html = await (await team.viewer.browser.request(`/w/${team.slug}/initiatives?sort=score&page=${pageNumber}`)).text();
      const body = html.match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? "";
      shown.push(...[...body.matchAll(/<a [^>]*href="\/w\/[^/]+\/initiatives\/[0-9a-f-]{36}"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!));
    }
    expect(shown.length).toBe(70);
    expect(new Set(shown).size).toBe(70);
    expect(shown.slice(0, PAGE_SIZE).length).toBe(PAGE_SIZE);
    const score = (title: string) => computeScore("rice", seeds.find((s) => s.title === title)!).value;
    const scores = shown.map(score);
    const sorted = [...scores].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
    expect(scores).toEqual(sorted);
  });

  it("reads the first page off the score index, without sorting the workspace", async () => {
    const plan = await database.db.connection().execute(async (conn) => {
      await sql`set enable_seqscan = off`.execute(conn);
      try {
        const { rows } = await sql<{ "QUERY PLAN": string }>`explain select id from initiatives i where i.workspace_id = ${team.id}
          order by i.rice_score desc nulls last, i.id limit ${PAGE_SIZE}`.execute(conn);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      } finally {
        await sql`reset enable_seqscan`.execute(conn);
      }
    });
    expect(plan).toContain("initiatives_rice_score_idx");
    expect(plan).not.toMatch(/\bSort\b/);
  });
});
