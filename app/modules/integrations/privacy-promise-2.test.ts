import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { dumpDatabase } from "../../../e2e/support/traffic";
import { startFakeAtlassian, type FakeAtlassian } from "../../../integrations/jira/fake-server";
import { startFakeNotion, type FakeNotion } from "../../../integrations/notion/fake-server";
import { startFakeSlack, type FakeSlack } from "../../../integrations/slack/fake-server";
import { startTestApp, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";

// PRODUCT.md §6 promise 2, with the three integrations connected the way an admin connects them:
// every token the fake providers issued is searched for in every table of the database.
let slack: FakeSlack;
let atlassian: FakeAtlassian;
let notion: FakeNotion;
let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;

beforeAll(async () => {
  [slack, atlassian, notion, database] = await Promise.all([startFakeSlack(), startFakeAtlassian(), startFakeNotion(), createTestDatabase()]);
  app = await startTestApp({
    db: database.db,
    env: { ...slack.env(), ...atlassian.env(), ...notion.env() },
  });
  team = await seedWorkspace(app, database.db, "Keyholders");
});
afterAll(async () => {
  await app?.close();
  await Promise.all([slack?.close(), atlassian?.close(), notion?.close()]);
  await database?.drop();
});

/** "Connect" on Settings → Integrations → the provider's consent page (the fakes approve at once) → our callback. */
async function connect(provider: "slack" | "jira" | "notion") {
  const start = await team.admin.browser.request(`/w/${team.slug}/integrations/${provider}/connect`);
  expect(start.status).toBe(302);
  const consent = await fetch(start.headers.get("location")!, { redirect: "manual" });
  const callback = new URL(consent.headers.get("location")!);
  const done = await team.admin.browser.request(callback.pathname + callback.search);
  expect(done.headers.get("location")).toBe(`/w/${team.slug}/settings/integrations?connected=${provider}`);
}

it("privacy promise 2: integration credentials are encrypted at rest with AES-256-GCM; no plaintext token appears anywhere in the database, with Slack, Jira and Notion connected", async () => {
  for (const provider of ["slack", "jira", "notion"] as const) await connect(provider);
  const issued = [...slack.tokens.keys(), ...atlassian.issued, ...notion.issued];
  expect(issued).toHaveLength(4);

  const secrets = await database.db.selectFrom("integration_secrets").select(["field", "ciphertext"]).where("workspace_id", "=", team.id).execute();
  expect(secrets.map((secret) => secret.field).sort()).toEqual(["access_token", "access_token", "access_token", "refresh_token"]);
  // AES-GCM: a 12-byte IV and a 16-byte tag around a ciphertext as long as the token.
  const lengths = secrets.map((secret) => secret.ciphertext.length - 28).sort((a, b) => a - b);
  expect(lengths).toEqual(issued.map((token) => Buffer.byteLength(token)).sort((a, b) => a - b));

  const everything = await dumpDatabase(database.db);
  expect(everything).toContain(team.slug);
  for (const token of issued) {
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(Buffer.from(token).toString("hex"));
    expect(everything).not.toContain(Buffer.from(token).toString("base64"));
  }
});
