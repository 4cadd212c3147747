import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", rival: "Contoso Ledger" });

const ACME = {
  name: "Acme Billing",
  website: "https://acme-billing.example.com",
  positioning: "All-in-one billing for SaaS startups",
  strengths: "Huge integration catalogue",
  weaknesses: "Reconciliation is an afterthought",
  pricing_notes: "0.8% of revenue, minimum $300 a month",
  threat_level: "high",
};

async function create(fields: Partial<typeof ACME> = {}, as = env.team) {
  const response = await as.editor.browser.postForm(`/w/${as.slug}/competitors/new`, { ...ACME, ...fields });
  expect(response.status).toBe(302);
  return response.headers.get("location")!;
}

const idOf = (location: string) => location.split("/").pop()!;

async function text(path: string, as = env.team) {
  const response = await as.viewer.browser.request(path);
  return { status: response.status, text: visibleText(await response.text()) };
}

describe("competitors", () => {
  it("an editor adds a competitor, everyone reads it with its threat badge, and the activity log records it", async () => {
    const location = await create();
    expect(location).toMatch(new RegExp(`^/w/${env.team.slug}/competitors/[0-9a-f-]{36}$`));
    const view = await text(location);
    expect(view.text).toContain("Reconciliation is an afterthought");
    expect(view.text).toContain("High threat");
    expect(view.text).toContain("acme-billing.example.com");
    const list = await text(`/w/${env.team.slug}/competitors`);
    expect(list.text).toContain(ACME.name);
    expect(list.text).toContain("High threat");
    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "competitor", entity_title: ACME.name, actor_id: env.team.editor.id });
  });

  it("refuses a nameless competitor and a website that is not a web address, keeping what was typed", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/competitors/new`, { ...ACME, name: " ", website: "javascript:alert(1)" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "name")).toEqual(["Name the competitor."]);
    expect(fieldErrors(html, "website")).toEqual(["Enter a web address like https://example.com, or leave it empty."]);
    expect(html).toContain(ACME.weaknesses);
    const bad = await env.team.editor.browser.postForm(`/w/${env.team.slug}/competitors/new`, { ...ACME, website: "not a website", threat_level: "extreme" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(fieldErrors(badHtml, "website")).toHaveLength(1);
    expect(fieldErrors(badHtml, "threat_level")).toEqual(["Choose low, medium or high."]);
  });

  it("accepts an empty website, and a bare domain as an https address", async () => {
    const bare = idOf(await create({ name: "Bare Domain Inc", website: "bare-domain.io" }));
    const empty = idOf(await create({ name: "No Website Ltd", website: "" }));
    const rows = await env.db.selectFrom("competitors").select(["id", "website"]).where("id", "in", [bare, empty]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.website]))).toEqual({ [bare]: "https://bare-domain.io", [empty]: "" });
  });

  it("edits, with the version kept and the activity recorded", async () => {
    const location = await create({ name: "Editable Co" });
    const response = await env.team.editor.browser.postForm(`${location}/edit`, { ...ACME, name: "Editable Co", threat_level: "low", version: "1" });
    expect(response.status).toBe(302);
    expect((await text(location)).text).toContain("Low threat");
    const row = await env.db.selectFrom("competitors").select(["threat_level", "version"]).where("id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(row).toEqual({ threat_level: "low", version: 2 });
  });

  it("a viewer can neither create, edit nor delete", async () => {
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/competitors/new`, ACME)).status).toBe(403);
    const location = await create({ name: "Viewer Proof" });
    expect((await env.team.viewer.browser.request(`${location}/edit`)).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(`${location}/edit`, { ...ACME, version: "1" })).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(location, { intent: "delete" })).status).toBe(403);
    expect((await text(location)).status).toBe(200);
  });

  it("detects a conflicting edit, shows both texts and overwrites nothing", async () => {
    const location = await create({ name: "Contested Corp" });
    const first = await env.team.editor.browser.postForm(`${location}/edit`, { ...ACME, name: "Contested Corp", pricing_notes: "Per seat, $12", version: "1" });
    expect(first.status).toBe(302);
    const stale = await env.team.admin.browser.postForm(`${location}/edit`, { ...ACME, name: "Contested Corp", pricing_notes: "Flat $99 a month", version: "1" });
    expect(stale.status).toBe(409);
    const page = visibleText(await stale.text());
    expect(page).toContain("Someone else saved this while you were editing");
    expect(page).toContain("Per seat, $12");
    expect(page).toContain("Flat $99 a month");
    const row = await env.db.selectFrom("competitors").select(["pricing_notes", "version"]).where("id", "=", idOf(location)).executeTakeFirstOrThrow();
    expect(row).toEqual({ pricing_notes: "Per seat, $12", version: 2 });
  });

  it("deletes after confirmation, and records it", async () => {
    const location = await create({ name: "Short Lived" });
    const response = await env.team.editor.browser.postForm(location, { intent: "delete" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${env.team.slug}/competitors`);
    expect((await env.team.editor.browser.request(location)).status).toBe(404);
    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_id", "=", idOf(location)).where("action", "=", "deleted").executeTakeFirst();
    expect(event).toMatchObject({ entity_type: "competitor", entity_title: "Short Lived" });
  });

  it("searches by text and filters by threat level", async () => {
    await create({ name: "Ledgerly", positioning: "Spreadsheets with superpowers for accountants", threat_level: "medium" });
    const found = await text(`/w/${env.team.slug}/competitors?q=accountants`);
    expect(found.text).toContain("Ledgerly");
    expect(found.text).not.toContain("Acme Billing");
    const medium = await text(`/w/${env.team.slug}/competitors?threat=medium`);
    expect(medium.text).toContain("Ledgerly");
    expect(medium.text).not.toContain("Acme Billing");
    expect((await text(`/w/${env.team.slug}/competitors?q=zeppelin`)).text).toContain("No competitor matches “zeppelin”");
  });

  it("exports the list as CSV, with formula-looking cells neutralised", async () => {
    await create({ name: "=HYPERLINK(\"evil\")", threat_level: "low" });
    const response = await env.team.viewer.browser.request(`/w/${env.team.slug}/competitors.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe("id,name,website,threat_level,positioning,strengths,weaknesses,pricing_notes,source,updated_at");
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(csv).toContain("Acme Billing,https://acme-billing.example.com,high,");
  });

  it("compares two to four competitors side by side", async () => {
    const a = idOf(await create({ name: "Compare Alpha", strengths: "Alpha strength" }));
    const b = idOf(await create({ name: "Compare Beta", weaknesses: "Beta weakness", threat_level: "low" }));
    const c = idOf(await create({ name: "Compare Gamma" }));
    const d = idOf(await create({ name: "Compare Delta" }));
    const e = idOf(await create({ name: "Compare Epsilon" }));
    const base = `/w/${env.team.slug}/competitors/compare`;

    const picker = await text(base);
    expect(picker.status).toBe(200);
    expect(picker.text).toContain("Choose 2 to 4 competitors");

    const response = await env.team.viewer.browser.request(`${base}?ids=${a}&ids=${b}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const table = html.match(/<table[\s\S]*<\/table>/)?.[0] ?? "";
    const headers = [...table.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => visibleText(m[1]!));
    expect(headers).toEqual(["Compare Alpha", "Compare Beta"]);
    const rows = [...table.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => visibleText(m[1]!));
    expect(rows).toEqual(["Threat level", "Website", "Positioning", "Strengths", "Weaknesses", "Pricing notes"]);
    expect(visibleText(table)).toContain("Alpha strength");
    expect(visibleText(table)).toContain("Beta weakness");
    expect(visibleText(table)).toContain("Low threat");
    // The chosen ones stay ticked in the GET form, which is all it takes without JavaScript.
    const ticked = [...html.matchAll(/<input type="checkbox"[^>]*>/g)].filter((m) => /\bchecked\b/.test(m[0])).map((m) => m[0].match(/value="([^"]+)"/)?.[1]);
    expect(ticked).toEqual([a, b]);

    const four = await text(`${base}?ids=${a},${b},${c},${d}`);
    expect(four.text).toContain("Compare Delta");
    expect(four.text).not.toContain("Choose at most");

    const five = await text(`${base}?ids=${a},${b},${c},${d},${e}`);
    expect(five.status).toBe(200);
    expect(five.text).toContain("Choose at most 4 competitors");
    expect(five.text).not.toContain("Comparison of");

    expect((await text(`${base}?ids=${a}`)).text).toContain("Choose at least one more competitor");
  });

  it("answers 404 for a malformed, unknown or other workspace's competitor, and changes nothing", async () => {
    const theirs = await create({ name: "Contoso Secret Rival" }, env.rival);
    const theirId = idOf(theirs);
    const ours = idOf(await create({ name: "Our Own Rival" }));
    const base = `/w/${env.team.slug}/competitors`;
    for (const id of ["not-an-id", "00000000-0000-4000-8000-000000000000", theirId]) {
      expect((await env.team.viewer.browser.request(`${base}/${id}`)).status).toBe(404);
      expect((await env.team.editor.browser.request(`${base}/${id}/edit`)).status).toBe(404);
      expect((await env.team.editor.browser.postForm(`${base}/${id}/edit`, { ...ACME, name: "Hijacked", version: "1" })).status).toBe(404);
      expect((await env.team.editor.browser.postForm(`${base}/${id}`, { intent: "delete" })).status).toBe(404);
      const compare = await env.team.viewer.browser.request(`${base}/compare?ids=${ours}&ids=${id}`);
      expect(compare.status).toBe(404);
      expect(visibleText(await compare.text())).not.toContain("Contoso Secret Rival");
    }
    const row = await env.db.selectFrom("competitors").select(["name", "version"]).where("id", "=", theirId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Contoso Secret Rival", version: 1 });
    expect((await text(base)).text).not.toContain("Contoso Secret Rival");
    expect(await (await env.team.viewer.browser.request(`${base}.csv`)).text()).not.toContain("Contoso Secret Rival");
  });
});
