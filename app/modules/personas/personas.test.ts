import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments" });

const PRIYA = {
  name: "Priya, the payments lead",
  segment: "Mid-market finance teams",
  goals: "Close the books two days faster",
  pains: "Reconciling payouts by hand",
  jobs_to_be_done: "When a payout fails, I want to know why, so I can tell the customer today",
  quote: "I live in spreadsheets at month end.",
};

async function createPriya() {
  const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/personas/new`, PRIYA);
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

describe("personas", () => {
  it("an editor creates a persona, everyone reads it, and the activity log records it", async () => {
    const location = await createPriya();
    expect(location).toMatch(new RegExp(`^/w/${env.team.slug}/personas/[0-9a-f-]{36}$`));
    const page = visibleText(await (await env.team.viewer.browser.request(location)).text());
    expect(page).toContain("Reconciling payouts by hand");
    const list = visibleText(await (await env.team.viewer.browser.request(`/w/${env.team.slug}/personas`)).text());
    expect(list).toContain(PRIYA.name);
    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_title", "=", PRIYA.name).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "persona", actor_id: env.team.editor.id });
  });

  it("refuses a nameless persona with a field error and keeps what was typed", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/personas/new`, { ...PRIYA, name: "  " });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "name")).toEqual(["Name the persona."]);
    expect(html).toContain(PRIYA.pains);
  });

  it("a viewer can neither create nor edit", async () => {
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/personas/new`, PRIYA)).status).toBe(403);
    const location = await createPriya();
    expect((await env.team.viewer.browser.postForm(`${location}/edit`, { ...PRIYA, version: "1" })).status).toBe(403);
  });

  it("detects a conflicting edit, shows both texts and overwrites nothing", async () => {
    const location = await createPriya();
    const first = await env.team.editor.browser.postForm(`${location}/edit`, { ...PRIYA, pains: "Payout failures at 2 a.m.", version: "1" });
    expect(first.status).toBe(302);
    const stale = await env.team.admin.browser.postForm(`${location}/edit`, { ...PRIYA, pains: "Chasing approvals", version: "1" });
    expect(stale.status).toBe(409);
    const text = visibleText(await stale.text());
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("Payout failures at 2 a.m.");
    expect(text).toContain("Chasing approvals");
    const id = location.split("/").pop()!;
    const row = await env.db.selectFrom("personas").select(["pains", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ pains: "Payout failures at 2 a.m.", version: 2 });
  });

  it("deletes after confirmation", async () => {
    const location = await createPriya();
    const response = await env.team.editor.browser.postForm(location, { intent: "delete" });
    expect(response.status).toBe(302);
    expect((await env.team.editor.browser.request(location)).status).toBe(404);
  });

  it("exports the list as CSV, with formula-looking cells neutralised", async () => {
    await env.team.editor.browser.postForm(`/w/${env.team.slug}/personas/new`, { ...PRIYA, name: "=HYPERLINK(\"evil\")" });
    const response = await env.team.viewer.browser.request(`/w/${env.team.slug}/personas.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toContain("id,name,segment");
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
  });

  it("lists the initiatives linked to a persona on its page", async () => {
    const location = await createPriya();
    const personaId = location.split("/").pop()!;
    const initiative = await env.db
      .insertInto("initiatives")
      .values({ workspace_id: env.team.id, title: "Explain failed payouts" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await env.db.insertInto("initiative_personas").values({ workspace_id: env.team.id, initiative_id: initiative.id, persona_id: personaId }).execute();
    const page = visibleText(await (await env.team.viewer.browser.request(location)).text());
    expect(page).toContain(`Initiatives for ${PRIYA.name} Explain failed payouts idea`);
  });

  it("answers 404 for a malformed or unknown persona id", async () => {
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/personas/not-an-id`)).status).toBe(404);
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/personas/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
