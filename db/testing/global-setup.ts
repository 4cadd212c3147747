import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase } from "../database";
import { startEmbeddedPostgres } from "../embedded";
import { migrateToLatest } from "../migrator";

export const TEMPLATE_DATABASE = "bearing_template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the `postgres` database of the test server, with __DATABASE__ in place of the database name. */
    postgresUrlPattern: string;
  }
}

/**
 * One real PostgreSQL server for the whole run, with a migrated template database. Each test file
 * copies the template into a database of its own (db/testing/database.ts), which takes ~40 ms.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-test-pg-"));
  const server = await startEmbeddedPostgres({ dataDir });

  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = createDatabase(server.urlFor(TEMPLATE_DATABASE));
  await migrateToLatest(template);
  await template.destroy();

  project.provide("postgresUrlPattern", server.urlFor("__DATABASE__"));
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
