import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../db/database";
import { createTestDatabase, type TestDatabase } from "../../db/testing/database";
import { startTestApp, type TestApp } from "./testing";
import { seedWorkspace, type SeededWorkspace } from "./testing-workspace";

export type TestEnv<Workspace extends string = never> = {
  database: TestDatabase;
  /** Shorthand for `database.db`. */
  db: Database;
  app: TestApp;
} & Record<Workspace, SeededWorkspace>;

/**
 * The setup every HTTP-level test file shares: its own database, the app on it and, optionally,
 * workspaces seeded by name (`{ team: "Northwind Payments" }` gives `env.team`), in that order.
 * Registers the file's beforeAll/afterAll and returns an object they fill in, so tests read
 * `env.app` only once the hooks have run. A file's own beforeAll, registered after this call,
 * runs after it (and its afterAll before the app closes).
 */
export function setUpTestApp<const Workspace extends string = never>(workspaces: Record<Workspace, string> = {} as Record<Workspace, string>): TestEnv<Workspace> {
  const env = {} as TestEnv<Workspace>;
  beforeAll(async () => {
    env.database = await createTestDatabase();
    env.db = env.database.db;
    env.app = await startTestApp({ db: env.db });
    for (const [key, name] of Object.entries(workspaces) as [Workspace, string][]) {
      (env as Record<Workspace, SeededWorkspace>)[key] = await seedWorkspace(env.app, env.db, name);
    }
  });
  afterAll(async () => {
    await env.app?.close();
    await env.database?.drop();
  });
  return env;
}
