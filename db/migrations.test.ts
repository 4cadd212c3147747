import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "./database";
import { migrateToLatest } from "./migrator";
import { migrations } from "./migrations/index";
import { createTestDatabase, type TestDatabase } from "./testing/database";

describe("migrations", () => {
  it("lists every migration file in db/migrations/index.ts, in order", () => {
    const files = readdirSync(new URL("./migrations", import.meta.url))
      .filter((file) => /^\d{14}_.+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  describe("on an empty database", () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase({ empty: true });
    });
    afterAll(() => test.drop());

    it("applies each migration exactly once when several instances start at once", async () => {
      const instances = [createDatabase(test.url), createDatabase(test.url), createDatabase(test.url)];
      const results = await Promise.all(instances.map((db) => migrateToLatest(db)));
      await Promise.all(instances.map((db) => db.destroy()));
      expect(results.flat().sort()).toEqual(Object.keys(migrations));
    });
  });
});
