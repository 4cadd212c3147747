import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";

/**
 * Accepting a recommendation posts to the app's ordinary actions, as ProposalReview's fetcher does
 * with single fetch (the route's `.data` address, `_stay=1`, `source=ai`). These are those actions.
 */
const env = setUpTestApp({ team: "Northwind Payments", other: "Contoso Lending" });
let personaId: string;

beforeAll(async () => {
  personaId = (await env.db.insertInto("personas").values({ workspace_id: env.team.id, name: "Priya, the payments lead", segment: "", goals: "", pains: "", jobs_to_be_done: "", quote: "" }).returning("id").executeTakeFirstOrThrow()).id;
});

async function initiative(workspaceId: string, title: string) {
  const row = await env.db
    .insertInto("initiatives")
    .values({ workspace_id: workspaceId, title, problem: "Failed payouts wait a day", status: "planned", tags: ["payments"], target_quarter: "2026-Q3", reach: 10, impact: 1, confidence: 50, effort: 8 })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (workspaceId === env.team.id) await env.db.insertInto("initiative_personas").values({ workspace_id: workspaceId, initiative_id: row.id, persona_id: personaId }).execute();
  return row.id;
}

const storedInitiative = (id: string) =>
  env.db.selectFrom("initiatives").select(["title", "problem", "status", "tags", "target_quarter", "reach", "impact", "confidence", "effort", "version"]).where("id", "=", id).executeTakeFirstOrThrow();

const ESTIMATE = { intent: "scores", reach: "1200", impact: "2", confidence: "70", effort: "2.5", source: "ai", _stay: "1" };

describe("accepting a RICE estimate (the edit action's scores branch)", () => {
  it("writes the four RICE inputs over the version it was proposed from, answers data, and keeps every other field", async () => {
    const id = await initiative(env.team.id, "Instant payout retries");
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${id}/edit.data`, { ...ESTIMATE, version: "1" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-remix-redirect")).toBeNull();
    expect(await response.text()).toContain(`/w/${env.team.slug}/initiatives/${id}`);
    expect(await storedInitiative(id)).toEqual({
      title: "Instant payout retries",
      problem: "Failed payouts wait a day",
      status: "planned",
      tags: ["payments"],
      target_quarter: "2026-Q3",
      reach: 1200,
      impact: 2,
      confidence: 70,
      effort: 2.5,
      version: 2,
    });
    const personas = await env.db.selectFrom("initiative_personas").select("persona_id").where("initiative_id", "=", id).execute();
    expect(personas).toEqual([{ persona_id: personaId }]);
    const events = await env.db.selectFrom("activity_events").select(["action", "actor_id"]).where("entity_id", "=", id).execute();
    expect(events).toEqual([{ action: "updated", actor_id: env.team.editor.id }]);
    // The page itself now shows the score: 1,200 × 2 × 70% ÷ 2.5.
    expect(visibleText(await (await env.team.viewer.browser.request(`/w/${env.team.slug}/initiatives/${id}`)).text())).toContain("RICE 672");
  });

  it("answers a conflict for a stale version and saves nothing", async () => {
    const id = await initiative(env.team.id, "Contested estimate");
    await env.db.updateTable("initiatives").set({ title: "Renamed meanwhile", version: 2 }).where("id", "=", id).execute();
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${id}/edit.data`, { ...ESTIMATE, version: "1" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Someone changed this initiative after these scores were proposed");
    expect(await storedInitiative(id)).toMatchObject({ title: "Renamed meanwhile", reach: 10, impact: 1, confidence: 50, effort: 8, version: 2 });
  });

  it("refuses a value off the RICE scale by field", async () => {
    const id = await initiative(env.team.id, "Off-scale estimate");
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${id}/edit.data`, { ...ESTIMATE, impact: "5", version: "1" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Impact is one of 3, 2, 1, 0.5 or 0.25.");
    expect(await storedInitiative(id)).toMatchObject({ impact: 1, version: 1 });
  });

  it("refuses a viewer, and answers 404 for another workspace's initiative without touching it", async () => {
    const id = await initiative(env.team.id, "Guarded estimate");
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/initiatives/${id}/edit.data`, { ...ESTIMATE, version: "1" })).status).toBe(403);
    const theirs = await initiative(env.other.id, "Their initiative");
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${theirs}/edit.data`, { ...ESTIMATE, version: "1" })).status).toBe(404);
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${theirs}/edit`, { ...ESTIMATE, version: "1" })).status).toBe(404);
    expect(await storedInitiative(id)).toMatchObject({ reach: 10, version: 1 });
    expect(await storedInitiative(theirs)).toMatchObject({ reach: 10, version: 1 });
  });

  it("still works as a plain form post, redirecting to the initiative", async () => {
    const id = await initiative(env.team.id, "Form estimate");
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${id}/edit`, { ...ESTIMATE, _stay: undefined, version: "1" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${env.team.slug}/initiatives/${id}`);
  });
});

describe("accepting a gap (the new-initiative action)", () => {
  const GAP = { title: "Payout status page", problem: "Merchants cannot see where their money is", description: "Priya chases payouts.", status: "idea" };

  it("creates the initiative marked AI, linked to the persona, and answers its address as data", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/new.data`, { ...GAP, personas: personaId, source: "ai", _stay: "1" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-remix-redirect")).toBeNull();
    const row = await env.db.selectFrom("initiatives").select(["id", "source", "status", "problem"]).where("workspace_id", "=", env.team.id).where("title", "=", GAP.title).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: "ai", status: "idea", problem: GAP.problem });
    expect(await response.text()).toContain(`/w/${env.team.slug}/initiatives/${row.id}`);
    expect(await env.db.selectFrom("initiative_personas").select("persona_id").where("initiative_id", "=", row.id).execute()).toEqual([{ persona_id: personaId }]);
  });

  it("keeps the form's redirect and manual source without them, and refuses a viewer", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/new`, { ...GAP, title: "Typed by hand" });
    expect(response.status).toBe(302);
    const row = await env.db.selectFrom("initiatives").select(["id", "source"]).where("title", "=", "Typed by hand").executeTakeFirstOrThrow();
    expect(response.headers.get("location")).toBe(`/w/${env.team.slug}/initiatives/${row.id}`);
    expect(row.source).toBe("manual");
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/initiatives/new.data`, { ...GAP, title: "Viewer's idea", source: "ai", _stay: "1" })).status).toBe(403);
    expect(await env.db.selectFrom("initiatives").select("id").where("title", "=", "Viewer's idea").execute()).toEqual([]);
  });
});

describe("accepting a lane change (the roadmap's move-to-lane action)", () => {
  async function item(workspaceId: string, title: string) {
    const row = await env.db.insertInto("roadmap_items").values({ workspace_id: workspaceId, title, description: "", lane: "later", position: "a0" }).returning("id").executeTakeFirstOrThrow();
    return row.id;
  }
  const lane = async (id: string) => (await env.db.selectFrom("roadmap_items").select("lane").where("id", "=", id).executeTakeFirstOrThrow()).lane;
  const move = (id: string, to: string) => ({ intent: "move-to-lane", id, lane: to, source: "ai", _stay: "1" });

  it("moves the item and answers data", async () => {
    const id = await item(env.team.id, "Payout retries");
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/roadmap.data?index`, move(id, "now"));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-remix-redirect")).toBeNull();
    expect(await response.text()).toContain(`/w/${env.team.slug}/roadmap#item-${id}`);
    expect(await lane(id)).toBe("now");
  });

  it("answers a bad lane by field, refuses a viewer and answers 404 for another workspace's item, moving nothing", async () => {
    const id = await item(env.team.id, "Guarded item");
    const bad = await env.team.editor.browser.postForm(`/w/${env.team.slug}/roadmap.data?index`, move(id, "soon"));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choose Now, Next or Later.");
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/roadmap.data?index`, move(id, "now"))).status).toBe(403);
    const theirs = await item(env.other.id, "Their item");
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/roadmap.data?index`, move(theirs, "now"))).status).toBe(404);
    expect([await lane(id), await lane(theirs)]).toEqual(["later", "later"]);
  });
});
