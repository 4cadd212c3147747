import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startTestApp, visibleText, type TestApp } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { hashToken } from "../../services/tokens.server";
import { createInitiative, createItem } from "./roadmap-testing";

let database: TestDatabase;
let app: TestApp;
let team: SeededWorkspace;
let rivals: SeededWorkspace;

const SECRET_DESCRIPTION = "Margin math we would rather keep inside";
const SECRET_INITIATIVE = "Project Nightingale";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  team = await seedWorkspace(app, database.db);
  rivals = await seedWorkspace(app, database.db, "Contoso Ledger");
  const initiative = await createInitiative(database.db, team.id, SECRET_INITIATIVE);
  await createItem(team.editor.browser, team.slug, {
    title: "Instant payouts",
    lane: "now",
    description: SECRET_DESCRIPTION,
    initiative_id: initiative,
    start_quarter: "2031-Q2",
    end_quarter: "2031-Q4",
  });
  await createItem(team.editor.browser, team.slug, { title: "Dispute inbox", lane: "later" });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const sharesPage = () => `/w/${team.slug}/roadmap/shares`;

/** Creates a link through the form and returns its path, as shown once to its creator. */
async function createShare(hide: string[] = [], as = team.editor) {
  const body = new URLSearchParams({ intent: "create" });
  for (const field of hide) body.append("hide", field);
  const response = await as.browser.request(sharesPage(), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
  expect(response.status).toBe(200);
  const html = await response.text();
  const url = html.match(/value="(http:\/\/[^"]+\/share\/[a-z0-9]+)"/)?.[1];
  expect(url, "the new link is shown").toBeDefined();
  const path = new URL(url!).pathname;
  return { path, token: path.split("/").pop()! };
}

async function signedOut(path: string) {
  const response = await app.newBrowser().request(path);
  return { response, html: await response.text() };
}

describe("roadmap share links", () => {
  it("opens without an account: the lanes and the timeline, no app navigation, not indexed", async () => {
    const { path } = await createShare();
    const { response, html } = await signedOut(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    const text = visibleText(html);
    expect(text).toContain("Northwind Payments");
    expect(text).toContain("Instant payouts");
    expect(text).toContain("Dispute inbox");
    expect(text).toContain(SECRET_DESCRIPTION);
    expect(text).toContain(SECRET_INITIATIVE);
    expect(text).toContain("2031-Q2 – Q4");
    expect(text).toContain("Timeline");
    expect(html).not.toContain(`/w/${team.slug}`);
    expect(text).not.toContain("Log out");
  });

  it("leaves the hidden fields out of the page and its data entirely", async () => {
    const { path } = await createShare(["description", "initiative", "quarters"]);
    const { response, html } = await signedOut(path);
    expect(response.status).toBe(200);
    expect(visibleText(html)).toContain("Instant payouts");
    for (const secret of [SECRET_DESCRIPTION, SECRET_INITIATIVE, "2031", "initiative", "start_quarter", "description\""]) {
      expect(html, secret).not.toContain(secret);
    }
    // The loader data a client-side navigation would fetch holds nothing more.
    const data = await (await app.newBrowser().request(`${path}.data`)).text();
    expect(data).toContain("Instant payouts");
    for (const secret of [SECRET_DESCRIPTION, SECRET_INITIATIVE, "2031", "start_quarter", "initiative"]) {
      expect(data, secret).not.toContain(secret);
    }
  });

  it("hides only what was picked", async () => {
    const { path } = await createShare(["description"]);
    const { html } = await signedOut(path);
    expect(html).not.toContain(SECRET_DESCRIPTION);
    expect(visibleText(html)).toContain(SECRET_INITIATIVE);
    expect(visibleText(html)).toContain("2031-Q2 – Q4");
  });

  it("stores only a hash of the token, and keeps it out of the request log", async () => {
    const { path, token } = await createShare();
    await signedOut(path);
    const rows = await database.db.selectFrom("roadmap_shares").select("token_hash").where("workspace_id", "=", team.id).execute();
    expect(rows.some((row) => Buffer.from(row.token_hash).equals(Buffer.from(hashToken(token))))).toBe(true);
    const dump = JSON.stringify(await database.db.selectFrom("roadmap_shares").selectAll().execute());
    expect(dump).not.toContain(token);
    expect(app.logs.join("\n")).not.toContain(token);
    expect(app.logs.join("\n")).toContain("/share/[token]");
  });

  it("lists open links; revoking one makes it answer 404 like a link that never existed", async () => {
    const { path } = await createShare(["quarters"]);
    const list = visibleText(await (await team.editor.browser.request(sharesPage())).text());
    expect(list).toContain("Hides quarters");
    const share = await database.db.selectFrom("roadmap_shares").select("id").where("workspace_id", "=", team.id).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    const revoke = await team.admin.browser.postForm(sharesPage(), { intent: "revoke", shareId: share.id });
    expect(revoke.status).toBe(200);
    expect(visibleText(await revoke.text())).toContain("The link was revoked");
    const revoked = await signedOut(path);
    const unknown = await signedOut("/share/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    expect(revoked.response.status).toBe(404);
    expect(unknown.response.status).toBe(404);
    expect(visibleText(revoked.html)).not.toContain("Instant payouts");
    const events = await database.db.selectFrom("activity_events").select("action").where("entity_id", "=", share.id).orderBy("id").execute();
    expect(events.map((e) => e.action)).toEqual(["created", "deleted"]);
  });

  it("another workspace's link cannot be revoked from here, and keeps working", async () => {
    const theirs = await createItem(rivals.editor.browser, rivals.slug, { title: "Contoso launch" });
    expect(theirs).toBeTruthy();
    const body = new URLSearchParams({ intent: "create" });
    const created = await rivals.editor.browser.request(`/w/${rivals.slug}/roadmap/shares`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    const path = new URL((await created.text()).match(/value="(http:\/\/[^"]+\/share\/[a-z0-9]+)"/)![1]!).pathname;
    const share = await database.db.selectFrom("roadmap_shares").select("id").where("workspace_id", "=", rivals.id).executeTakeFirstOrThrow();
    expect((await team.admin.browser.postForm(sharesPage(), { intent: "revoke", shareId: share.id })).status).toBe(404);
    expect((await team.admin.browser.postForm(sharesPage(), { intent: "revoke", shareId: "not-an-id" })).status).toBe(404);
    const row = await database.db.selectFrom("roadmap_shares").select("revoked_at").where("id", "=", share.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
    expect((await signedOut(path)).response.status).toBe(200);
    expect(visibleText(await (await team.editor.browser.request(sharesPage())).text())).not.toContain("Contoso");
  });

  it("viewers cannot create or revoke links", async () => {
    expect((await team.viewer.browser.request(sharesPage())).status).toBe(403);
    expect((await team.viewer.browser.postForm(sharesPage(), { intent: "create" })).status).toBe(403);
    const share = await database.db.selectFrom("roadmap_shares").select("id").where("workspace_id", "=", team.id).where("revoked_at", "is", null).executeTakeFirstOrThrow();
    expect((await team.viewer.browser.postForm(sharesPage(), { intent: "revoke", shareId: share.id })).status).toBe(403);
  });
});
