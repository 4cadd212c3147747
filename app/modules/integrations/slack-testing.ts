import { expect } from "vitest";
import type { Database } from "../../../db/database";
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from "../../../integrations/slack/fake-server";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startTestApp, type Browser, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";

export interface SlackTestEnv {
  fake: FakeSlack;
  database: TestDatabase;
  db: Database;
  app: TestApp;
  team: SeededWorkspace;
  close(): Promise<void>;
}

/** A fake Slack, and the app pointed at it through SLACK_BASE_URL, as a deployment would be configured. */
export async function startSlackTestEnv(options: FakeSlackOptions = {}): Promise<SlackTestEnv> {
  const fake = await startFakeSlack(options);
  const database = await createTestDatabase();
  const app = await startTestApp({ db: database.db, env: fake.env(), jobs: { databaseUrl: database.url } });
  const team = await seedWorkspace(app, database.db, "Northwind Payments");
  return {
    fake,
    database,
    db: database.db,
    app,
    team,
    async close() {
      await app.close();
      await fake.close();
      await database.drop();
    },
  };
}

/** "Connect Slack" → Slack's consent page (the fake approves at once) → the app's callback. */
export async function beginConnect(browser: Browser, slug: string) {
  const start = await browser.request(`/w/${slug}/integrations/slack/connect`);
  expect(start.status).toBe(302);
  const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
  expect(consent.status).toBe(302);
  return new URL(consent.headers.get("location")!);
}

export async function connectSlack(browser: Browser, slug: string) {
  const callback = await beginConnect(browser, slug);
  const done = await browser.request(callback.pathname + callback.search);
  expect(done.status).toBe(302);
  expect(done.headers.get("location")).toBe(`/w/${slug}/settings/integrations?connected=slack`);
}
