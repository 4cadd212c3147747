import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import type { FormFields } from "../../../server/testing";

/**
 * What accepting a drafting helper's proposal does on the server (PRODUCT.md §4): the panel posts
 * to the same actions the app's forms use, as a Remix fetcher does with single fetch (the route's
 * `.data` address), with `source=ai` and `_stay=1`. Items it creates are marked AI; updates keep
 * the version check; viewers are refused.
 */
const env = setUpTestApp({ team: "Northwind Payments" });

const AS_AGENT = { source: "ai", _stay: "1" };

/** A fetcher's answer, in the turbo-stream encoding single fetch uses: its strings appear as JSON. */
async function fetcherPost(browser: typeof env.team.editor.browser, path: string, fields: FormFields) {
  const response = await browser.postForm(`${path}.data`, fields);
  return { status: response.status, redirect: response.headers.get("x-remix-redirect"), body: await response.text() };
}

/** An item made through the app's own form, as a person would, by its id. */
async function createdId(path: string, fields: FormFields) {
  const response = await env.team.editor.browser.postForm(path, fields);
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("/").pop()!;
}

const PERSONA = { name: "Fiona, finance admin", segment: "Mid-size retailers", goals: "- Close in days", pains: "- Spreadsheets", jobs_to_be_done: "", quote: "Month-end is my least favourite week." };

describe("accepting a drafted persona", () => {
  it("creates it marked AI and answers with its address as data", async () => {
    const { status, redirect, body } = await fetcherPost(env.team.editor.browser, `/w/${env.team.slug}/personas/new`, { ...PERSONA, ...AS_AGENT });
    expect(status).toBe(200);
    expect(redirect).toBeNull();
    const row = await env.db.selectFrom("personas").select(["id", "source", "goals"]).where("workspace_id", "=", env.team.id).where("name", "=", PERSONA.name).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: "ai", goals: "- Close in days" });
    expect(body).toContain('"created"');
    expect(body).toContain(JSON.stringify(`/w/${env.team.slug}/personas/${row.id}`));
  });

  it("still redirects the ordinary form, marked manual whatever else it says", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/personas/new`, { ...PERSONA, name: "Manual Mo", source: "transcript" });
    expect(response.status).toBe(302);
    const row = await env.db.selectFrom("personas").select("source").where("workspace_id", "=", env.team.id).where("name", "=", "Manual Mo").executeTakeFirstOrThrow();
    expect(row.source).toBe("manual");
  });

  it("refuses a viewer", async () => {
    expect((await fetcherPost(env.team.viewer.browser, `/w/${env.team.slug}/personas/new`, { ...PERSONA, name: "Viewer Vi", ...AS_AGENT })).status).toBe(403);
    expect(await env.db.selectFrom("personas").select("id").where("name", "=", "Viewer Vi").execute()).toEqual([]);
  });
});

describe("accepting a competitor analysis", () => {
  let id: string;
  beforeAll(async () => {
    id = await createdId(`/w/${env.team.slug}/competitors/new`, { name: "Acme Billing", website: "https://acme.example.com", threat_level: "medium" });
  });
  const analysis = (version: number, fields: FormFields = {}) => ({
    name: "Acme Billing",
    website: "https://acme.example.com",
    positioning: "Billing for SaaS startups",
    strengths: "- Integrations",
    weaknesses: "- Reconciliation",
    pricing_notes: "0.8% of revenue",
    threat_level: "high",
    version: String(version),
    ...AS_AGENT,
    ...fields,
  });
  const stored = () => env.db.selectFrom("competitors").select(["positioning", "threat_level", "version"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("saves over the version it read and answers with the competitor's address as data", async () => {
    const { status, redirect, body } = await fetcherPost(env.team.editor.browser, `/w/${env.team.slug}/competitors/${id}/edit`, analysis(1));
    expect(status).toBe(200);
    expect(redirect).toBeNull();
    expect(body).toContain('"saved"');
    expect(body).toContain(JSON.stringify(`/w/${env.team.slug}/competitors/${id}`));
    expect(await stored()).toEqual({ positioning: "Billing for SaaS startups", threat_level: "high", version: 2 });
    const events = await env.db.selectFrom("activity_events").select("action").where("entity_id", "=", id).execute();
    expect(events).toContainEqual({ action: "updated" });
  });

  it("refuses to save over a newer version, and refuses a viewer", async () => {
    const stale = await fetcherPost(env.team.admin.browser, `/w/${env.team.slug}/competitors/${id}/edit`, analysis(1, { positioning: "Stale" }));
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('"conflict"');
    expect((await fetcherPost(env.team.viewer.browser, `/w/${env.team.slug}/competitors/${id}/edit`, analysis(2, { positioning: "Viewer" }))).status).toBe(403);
    expect(await stored()).toEqual({ positioning: "Billing for SaaS startups", threat_level: "high", version: 2 });
  });
});

describe("accepting a vision revision", () => {
  const revision = (version: number, statement: string) => ({ statement, mission: "Automate reconciliation", target_customers: "", principles: "", north_star_metric: "Days to close", version: String(version) });
  const versions = () => env.db.selectFrom("vision_versions").select(["number", "statement", "source"]).where("workspace_id", "=", env.team.id).orderBy("number").execute();

  it("saves a new version marked AI, over the version it read, and refuses a stale one and a viewer", async () => {
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/vision/edit`, revision(0, "Close the books in a day."))).status).toBe(302);
    const accepted = await fetcherPost(env.team.editor.browser, `/w/${env.team.slug}/vision/edit`, { ...revision(1, "Every retailer closes in a day."), ...AS_AGENT });
    expect(accepted.status).toBe(200);
    expect(accepted.redirect).toBeNull();
    expect(accepted.body).toContain('"saved"');
    const stale = await fetcherPost(env.team.admin.browser, `/w/${env.team.slug}/vision/edit`, { ...revision(1, "Stale revision"), ...AS_AGENT });
    expect(stale.status).toBe(409);
    expect((await fetcherPost(env.team.viewer.browser, `/w/${env.team.slug}/vision/edit`, { ...revision(2, "Viewer revision"), ...AS_AGENT })).status).toBe(403);
    expect(await versions()).toEqual([
      { number: 1, statement: "Close the books in a day.", source: "manual" },
      { number: 2, statement: "Every retailer closes in a day.", source: "ai" },
    ]);
  });
});

describe("accepting an initiative one-pager", () => {
  let id: string;
  let personaId: string;
  beforeAll(async () => {
    personaId = await createdId(`/w/${env.team.slug}/personas/new`, { name: "Priya" });
    id = await createdId(`/w/${env.team.slug}/initiatives/new`, {
      title: "Auto reconciliation",
      problem: "Manual matching",
      description: "Old notes",
      status: "discovery",
      tags: "finance",
      personas: personaId,
      reach: "2000",
    });
  });
  const onePager = (version: number, description: string) => ({ intent: "one-pager", problem: "Admins match payments by hand", description, version: String(version), ...AS_AGENT });
  const stored = () =>
    env.db.selectFrom("initiatives").select(["title", "problem", "description", "status", "tags", "reach", "version"]).where("id", "=", id).executeTakeFirstOrThrow();

  it("replaces the problem and description only, over the version it read, and records the edit", async () => {
    const { status, redirect, body } = await fetcherPost(env.team.editor.browser, `/w/${env.team.slug}/initiatives/${id}/edit`, onePager(1, "## Problem\n\nAdmins match payments by hand"));
    expect(status).toBe(200);
    expect(redirect).toBeNull();
    expect(body).toContain('"saved"');
    expect(body).toContain(JSON.stringify(`/w/${env.team.slug}/initiatives/${id}`));
    expect(await stored()).toEqual({
      title: "Auto reconciliation",
      problem: "Admins match payments by hand",
      description: "## Problem\n\nAdmins match payments by hand",
      status: "discovery",
      tags: ["finance"],
      reach: 2000,
      version: 2,
    });
    const personas = await env.db.selectFrom("initiative_personas").select("persona_id").where("initiative_id", "=", id).execute();
    expect(personas).toEqual([{ persona_id: personaId }]);
    const events = await env.db.selectFrom("activity_events").select("action").where("entity_id", "=", id).execute();
    expect(events).toContainEqual({ action: "updated" });
  });

  it("refuses a stale one-pager with the comparison, a viewer, and an over-long description", async () => {
    const stale = await fetcherPost(env.team.admin.browser, `/w/${env.team.slug}/initiatives/${id}/edit`, onePager(1, "Stale"));
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('"conflict"');
    expect((await fetcherPost(env.team.viewer.browser, `/w/${env.team.slug}/initiatives/${id}/edit`, onePager(2, "Viewer"))).status).toBe(403);
    expect((await fetcherPost(env.team.editor.browser, `/w/${env.team.slug}/initiatives/${id}/edit`, onePager(2, "x".repeat(20_001)))).status).toBe(400);
    expect((await stored()).description).toBe("## Problem\n\nAdmins match payments by hand");
  });

  it("redirects an ordinary post of the one-pager back to the initiative", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/${id}/edit`, { intent: "one-pager", problem: "P", description: "D", version: "2" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${env.team.slug}/initiatives/${id}`);
  });
});
