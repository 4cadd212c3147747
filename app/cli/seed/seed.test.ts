import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSeedArgs, seed } from "../seed";
import type { Database } from "../../../db/database";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { scaleCounts } from "./scale";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const TABLES = [
  "vision_versions",
  "personas",
  "competitors",
  "initiatives",
  "initiative_personas",
  "initiative_links",
  "roadmap_items",
  "transcripts",
  "risks",
  "activity_events",
] as const;

/** Rows per product table in one workspace. */
async function counts(db: Database, slug: string) {
  const workspace = await db.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("workspace_id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    result[table] = n;
  }
  return result;
}

describe("npm run db:seed", () => {
  it("creates a believable demo workspace, and a second run changes nothing", async () => {
    const first = await seed(database.db);
    expect(first.workspace.slug).toBe("acme-checkout");
    const after = await counts(database.db, "acme-checkout");
    expect(after).toMatchObject({ vision_versions: 3, personas: 4, competitors: 3, initiatives: 15, roadmap_items: 10, transcripts: 2, risks: 12 });
    expect(after.initiative_personas).toBeGreaterThan(15);
    expect(after.initiative_links).toBeGreaterThan(0);

    const lanes = await database.db.selectFrom("roadmap_items").select("lane").distinct().where("workspace_id", "=", first.workspace.id).execute();
    expect(lanes.map((l) => l.lane).sort()).toEqual(["later", "next", "now"]);
    const cells = await database.db.selectFrom("risks").select(["likelihood", "impact"]).distinct().where("workspace_id", "=", first.workspace.id).execute();
    expect(cells.length).toBeGreaterThanOrEqual(8);
    const vtt = await database.db.selectFrom("transcripts").selectAll().where("workspace_id", "=", first.workspace.id).where("format", "=", "vtt").executeTakeFirstOrThrow();
    expect(vtt.content).toMatch(/^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:09\.000\n<v Dana Demo>/);
    expect(vtt.segments?.length).toBeGreaterThan(5);
    expect(vtt.action_items.length).toBeGreaterThan(0);

    const second = await seed(database.db);
    expect(second.workspace.id).toBe(first.workspace.id);
    expect(await counts(database.db, "acme-checkout")).toEqual(after);
  });

  it("--scale 100 makes a workspace of 100 initiatives, 200 risks and 20 roadmap items", async () => {
    const result = await seed(database.db, { scale: 100 });
    expect(result.scale).toMatchObject({ created: true, workspace: { slug: "scale-100", name: "Scale 100" } });
    const expected = scaleCounts(100);
    const made = await counts(database.db, "scale-100");
    expect(made).toMatchObject({
      initiatives: 100,
      risks: 200,
      roadmap_items: 20,
      personas: expected.personas,
      competitors: expected.competitors,
      transcripts: expected.transcripts,
      activity_events: expected.activity_events,
      initiative_personas: 100,
    });
    const again = await seed(database.db, { scale: 100 });
    expect(again.scale?.created).toBe(false);
    expect(await counts(database.db, "scale-100")).toEqual(made);
  });

  it("reads --scale and refuses what is not a count", () => {
    expect(parseSeedArgs(["--scale", "10000"])).toEqual({ help: false, scale: 10000 });
    expect(parseSeedArgs([])).toEqual({ help: false });
    expect(() => parseSeedArgs(["--scale", "ten"])).toThrow(/--scale takes a whole number/);
    expect(() => parseSeedArgs(["--scale", "0"])).toThrow(/--scale takes a whole number/);
    expect(() => parseSeedArgs(["--bogus"])).toThrow(/Usage/);
  });
});
