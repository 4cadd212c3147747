import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, type Database } from "../database";

const TEMPLATE_DATABASE = "bearing_template";

export interface TestDatabase {
  db: Database;
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file, copied from the run's template
 * (or, with `empty`, one with no schema at all).
 */
export async function createTestDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const pattern = inject("postgresUrlPattern");
  const name = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pattern.replace("__DATABASE__", "postgres") });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${empty ? "template0" : TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = pattern.replace("__DATABASE__", name);
  const db = createDatabase(url);
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: pattern.replace("__DATABASE__", "postgres") });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
