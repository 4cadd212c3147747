import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText } from "../../server/testing";
import { createRisk } from "./risks.server";

const env = setUpTestApp({ team: "Northwind Payments", rival: "Rival Ledger" });
let initiativeId: string;
let rivalInitiativeId: string;

beforeAll(async () => {
  const insertInitiative = (workspaceId: string, title: string) =>
    env.db
      .insertInto("initiatives")
      .values({ workspace_id: workspaceId, title, problem: "", description: "", status: "planned", owner_id: null, target_quarter: null })
      .returning("id")
      .executeTakeFirstOrThrow();
  initiativeId = (await insertInitiative(env.team.id, "Instant payouts")).id;
  rivalInitiativeId = (await insertInitiative(env.rival.id, "Rival secret project")).id;
});
const VENDOR = {
  title: "Card network changes its payout API before launch",
  description: "The network announced a v3 API; v2 may be switched off in Q3.",
  category: "technical",
  likelihood: "4",
  impact: "5",
  status: "open",
  owner_id: "",
  mitigation: "Build against v3 in a sandbox now; keep a feature flag for v2.",
  due_date: "2026-09-30",
  initiative_id: "",
};

async function createVendorRisk(fields: Record<string, string> = {}) {
  const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/risks/new`, { ...VENDOR, ...fields });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

const idOf = (location: string) => location.split("/").pop()!;

describe("risks", () => {
  it("an editor creates a risk with owner and initiative, everyone reads it, severity is likelihood × impact, and the activity log records it", async () => {
    const location = await createVendorRisk({ owner_id: env.team.admin.id, initiative_id: initiativeId });
    expect(location).toMatch(new RegExp(`^/w/${env.team.slug}/risks/[0-9a-f-]{36}$`));
    const page = visibleText(await (await env.team.viewer.browser.request(location)).text());
    expect(page).toContain(VENDOR.title);
    expect(page).toContain("4 · Likely");
    expect(page).toContain("5 · Severe");
    expect(page).toContain("4 × 5 = 20 (Critical)");
    expect(page).toContain(env.team.admin.name);
    expect(page).toContain("Instant payouts");
    expect(page).toContain("Source Manual");
    const row = await env.db.selectFrom("risks").select(["severity", "source", "owner_id"]).where("id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(row).toEqual({ severity: 20, source: "manual", owner_id: env.team.admin.id });
    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "risk", actor_id: env.team.editor.id, entity_title: VENDOR.title });
  });

  it("refuses likelihood and impact outside 1–5, a missing title and a date that does not exist, with field errors and the input kept", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/risks/new`, {
      ...VENDOR,
      title: " ",
      likelihood: "0",
      impact: "6",
      due_date: "2026-02-30",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "title")).toEqual(["Name the risk."]);
    expect(fieldErrors(html, "likelihood")).toEqual(["The likelihood goes from 1 to 5."]);
    expect(fieldErrors(html, "impact")).toEqual(["The impact goes from 1 to 5."]);
    expect(fieldErrors(html, "due_date")).toEqual(["This date does not exist."]);
    expect(html).toContain(VENDOR.mitigation);
    const missing = await env.team.editor.browser.postForm(`/w/${env.team.slug}/risks/new`, { ...VENDOR, likelihood: "", impact: "three" });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(fieldErrors(missingHtml, "likelihood")).toEqual(["Choose the likelihood, from 1 to 5."]);
    expect(fieldErrors(missingHtml, "impact")).toEqual(["Choose the impact, from 1 to 5."]);
    expect(await env.db.selectFrom("risks").select("id").where("mitigation", "=", VENDOR.mitigation).where("likelihood", "<>", 4).execute()).toEqual([]);
  });

  it("a viewer reads but can neither create, edit nor delete", async () => {
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/risks/new`)).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/risks/new`, VENDOR)).status).toBe(403);
    const location = await createVendorRisk();
    expect((await env.team.viewer.browser.postForm(`${location}/edit`, { ...VENDOR, version: "1" })).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(location, { intent: "delete" })).status).toBe(403);
    expect((await env.team.viewer.browser.request(location)).status).toBe(200);
  });

  it("edits a risk: new scores give a new severity and the version goes up", async () => {
    const location = await createVendorRisk();
    const saved = await env.team.editor.browser.postForm(`${location}/edit`, { ...VENDOR, likelihood: "2", impact: "3", status: "mitigating", version: "1" });
    expect(saved.status).toBe(302);
    const row = await env.db.selectFrom("risks").select(["severity", "status", "version"]).where("id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(row).toEqual({ severity: 6, status: "mitigating", version: 2 });
    expect(visibleText(await (await env.team.viewer.browser.request(location)).text())).toContain("2 × 3 = 6 (Medium)");
  });

  it("detects a conflicting edit, shows both versions readably and overwrites nothing", async () => {
    const location = await createVendorRisk();
    const first = await env.team.editor.browser.postForm(`${location}/edit`, { ...VENDOR, mitigation: "Ship v3 first", owner_id: env.team.owner.id, version: "1" });
    expect(first.status).toBe(302);
    const stale = await env.team.admin.browser.postForm(`${location}/edit`, { ...VENDOR, mitigation: "Ask the network for an extension", impact: "3", version: "1" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    const text = visibleText(html);
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("Ship v3 first");
    expect(text).toContain("Ask the network for an extension");
    expect(text).toContain("3 · Moderate");
    expect(text).toContain(env.team.owner.name);
    // "Save mine over theirs" resubmits the raw values, not the readable ones.
    expect(html).toContain('name="impact" value="3"');
    const row = await env.db.selectFrom("risks").select(["mitigation", "impact", "version"]).where("id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(row).toEqual({ mitigation: "Ship v3 first", impact: 5, version: 2 });
  });

  it("deletes after confirmation and records it", async () => {
    const location = await createVendorRisk();
    const response = await env.team.editor.browser.postForm(location, { intent: "delete" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${env.team.slug}/risks`);
    expect((await env.team.editor.browser.request(location)).status).toBe(404);
    const event = await env.db.selectFrom("activity_events").select("action").where("entity_id", "=", idOf(location)).where("action", "=", "deleted").executeTakeFirst();
    expect(event).toEqual({ action: "deleted" });
  });

  it("exports the register as CSV with severity and band, formula-looking cells neutralised", async () => {
    await createVendorRisk({ title: "=HYPERLINK(\"evil\")", likelihood: "2", impact: "2" });
    const response = await env.team.viewer.browser.request(`/w/${env.team.slug}/risks.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toContain("id,title,category,likelihood,impact,severity,band,status");
    expect(csv).toContain(`"'=HYPERLINK(""evil"")",technical,2,2,4,Low,open`);
  });

  it("answers 404 for a malformed or unknown risk id", async () => {
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/risks/not-an-id`)).status).toBe(404);
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/risks/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await env.team.editor.browser.request(`/w/${env.team.slug}/risks/00000000-0000-4000-8000-000000000000/edit`)).status).toBe(404);
  });

  it("answers 404 for another workspace's risk, exactly as for an unknown one, and changes nothing", async () => {
    const theirs = await createRisk(env.db, env.rival.id, env.rival.owner.id, {
      ...VENDOR,
      likelihood: 3,
      impact: 3,
      status: "open",
      due_date: undefined,
      owner_id: undefined,
      initiative_id: undefined,
    });
    const path = `/w/${env.team.slug}/risks/${theirs.id}`;
    const unknown = `/w/${env.team.slug}/risks/00000000-0000-4000-8000-000000000000`;
    expect((await env.team.owner.browser.request(path)).status).toBe(404);
    expect(visibleText(await (await env.team.owner.browser.request(path)).text())).toBe(visibleText(await (await env.team.owner.browser.request(unknown)).text()));
    expect((await env.team.owner.browser.request(`${path}/edit`)).status).toBe(404);
    expect((await env.team.owner.browser.postForm(`${path}/edit`, { ...VENDOR, title: "Hijacked", version: "1" })).status).toBe(404);
    // Even a form that would not validate learns nothing but "not found".
    expect((await env.team.owner.browser.postForm(`${path}/edit`, { title: "Hijacked", version: "1" })).status).toBe(404);
    expect((await env.team.owner.browser.postForm(path, { intent: "delete" })).status).toBe(404);
    const row = await env.db.selectFrom("risks").select(["title", "version"]).where("id", "=", theirs.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: VENDOR.title, version: 1 });
  });

  it("refuses another workspace's initiative or member in the form with a 404, and creates nothing", async () => {
    const title = "Borrowing a rival's initiative";
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/risks/new`, { ...VENDOR, title, initiative_id: rivalInitiativeId })).status).toBe(404);
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/risks/new`, { ...VENDOR, title, owner_id: env.rival.owner.id })).status).toBe(404);
    expect(await env.db.selectFrom("risks").select("id").where("title", "=", title).execute()).toEqual([]);
    const location = await createVendorRisk();
    expect((await env.team.editor.browser.postForm(`${location}/edit`, { ...VENDOR, initiative_id: rivalInitiativeId, version: "1" })).status).toBe(404);
    const row = await env.db.selectFrom("risks").select(["initiative_id", "version"]).where("id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(row).toEqual({ initiative_id: null, version: 1 });
  });

  it("keeps a source and a linked transcript given by the data function, and shows them read-only", async () => {
    const transcript = await env.db
      .insertInto("transcripts")
      .values({ workspace_id: env.team.id, title: "Weekly payments sync", content: "We may lose the v2 API." })
      .returning("id")
      .executeTakeFirstOrThrow();
    const risk = await createRisk(
      env.db,
      env.team.id,
      env.team.editor.id,
      { ...VENDOR, title: "Raised in the sync", likelihood: 3, impact: 4, status: "open", owner_id: undefined, due_date: undefined, initiative_id: undefined },
      { source: "transcript", transcriptId: transcript.id },
    );
    const location = `/w/${env.team.slug}/risks/${risk.id}`;
    const page = visibleText(await (await env.team.viewer.browser.request(location)).text());
    expect(page).toContain("Source Transcript");
    expect(page).toContain("From transcript Weekly payments sync");
    // Editing keeps where it came from: the form has no field for either.
    expect((await env.team.editor.browser.postForm(`${location}/edit`, { ...VENDOR, title: "Raised in the sync", version: "1" })).status).toBe(302);
    const row = await env.db.selectFrom("risks").select(["source", "transcript_id"]).where("id", "=", risk.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ source: "transcript", transcript_id: transcript.id });
    const rivalTranscript = await env.db
      .insertInto("transcripts")
      .values({ workspace_id: env.rival.id, title: "Rival call", content: "…" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      createRisk(env.db, env.team.id, env.team.editor.id, { ...VENDOR, likelihood: 1, impact: 1, status: "open" }, { source: "transcript", transcriptId: rivalTranscript.id }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
