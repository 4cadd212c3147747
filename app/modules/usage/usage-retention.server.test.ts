import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { createWorkspace } from "../workspaces/workspaces.server";
import { rollUpAndPurgeUsage } from "./usage-retention.server";

let database: TestDatabase;
let workspaceId: string;
const NOW = new Date("2026-11-23T09:30:00Z");

function at(iso: string) {
  return new Date(iso);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await database.db
    .insertInto("users")
    .values({ email: "retention@example.com", name: "Rita Retention", email_verified_at: new Date(), age_confirmed_at: new Date(), policies_accepted_at: new Date(), policy_version: "test" })
    .returning("id")
    .executeTakeFirstOrThrow();
  workspaceId = (await createWorkspace(database.db, user.id, "Retention Works")).id;
  const events = [
    // Two whole days ago (UTC), in the workspace and outside any.
    ...Array.from({ length: 3 }, () => ({ occurred_at: at("2026-11-21T00:00:00Z"), kind: "page_view" as const, name: "/w/:slug/risks", workspace_id: workspaceId })),
    { occurred_at: at("2026-11-21T23:59:59Z"), kind: "page_view" as const, name: "/w/:slug/risks", workspace_id: workspaceId },
    ...Array.from({ length: 2 }, () => ({ occurred_at: at("2026-11-21T12:00:00Z"), kind: "page_view" as const, name: "/login", workspace_id: null })),
    { occurred_at: at("2026-11-22T08:00:00Z"), kind: "feature" as const, name: "risk.created", workspace_id: workspaceId },
    // Today: not a whole day yet.
    { occurred_at: at("2026-11-23T01:00:00Z"), kind: "page_view" as const, name: "/login", workspace_id: null },
    // 91 days before today's midnight, and 90 days exactly.
    { occurred_at: at("2026-08-24T10:00:00Z"), kind: "error" as const, name: "/w/:slug/risks", workspace_id: workspaceId },
    { occurred_at: at("2026-08-25T10:00:00Z"), kind: "error" as const, name: "/w/:slug/risks", workspace_id: workspaceId },
  ];
  await database.db
    .insertInto("usage_events")
    .values(events.map((event) => ({ ...event, origin: "server" as const })))
    .execute();
});

afterAll(async () => {
  await database?.drop();
});

async function dailyCounts() {
  return database.db.selectFrom("usage_daily").select(["day", "workspace_id", "kind", "name", "count"]).orderBy("day").orderBy("kind").orderBy("name").execute();
}

describe("usage retention", () => {
  it("rolls every whole day before today into daily counts, and purges raw events older than 90 days", async () => {
    const result = await rollUpAndPurgeUsage(database.db, NOW);

    expect(result).toEqual({ rolledUp: 5, purged: 1 });
    expect(await dailyCounts()).toEqual([
      { day: "2026-08-24", workspace_id: workspaceId, kind: "error", name: "/w/:slug/risks", count: 1 },
      { day: "2026-08-25", workspace_id: workspaceId, kind: "error", name: "/w/:slug/risks", count: 1 },
      { day: "2026-11-21", workspace_id: null, kind: "page_view", name: "/login", count: 2 },
      { day: "2026-11-21", workspace_id: workspaceId, kind: "page_view", name: "/w/:slug/risks", count: 4 },
      { day: "2026-11-22", workspace_id: workspaceId, kind: "feature", name: "risk.created", count: 1 },
    ]);
    const raw = await database.db.selectFrom("usage_events").select("occurred_at").orderBy("occurred_at").execute();
    expect(raw).toHaveLength(9);
    expect(raw[0]!.occurred_at.toISOString()).toBe("2026-08-25T10:00:00.000Z");
  });

  it("gives the same counts when run again, the day's anonymous rows included", async () => {
    const before = await dailyCounts();
    const again = await rollUpAndPurgeUsage(database.db, NOW);
    expect(again.purged).toBe(0);
    expect(await dailyCounts()).toEqual(before);
  });

  it("keeps a day's counts after its raw events are purged", async () => {
    const later = new Date("2026-11-25T03:00:00Z");
    const result = await rollUpAndPurgeUsage(database.db, later);
    expect(result.purged).toBe(1);
    const counts = await dailyCounts();
    expect(counts.find((row) => row.day === "2026-08-25")).toMatchObject({ count: 1 });
    expect(counts.find((row) => row.day === "2026-11-23")).toMatchObject({ name: "/login", workspace_id: null, count: 1 });
    expect(counts.find((row) => row.day === "2026-11-21" && row.workspace_id === null)).toMatchObject({ count: 2 });
  });
});
