import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText, type FormFields } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", other: "Contoso Lending" });
let personaId: string;
let otherPersonaId: string;

beforeAll(async () => {
  personaId = (await env.db.insertInto("personas").values({ workspace_id: env.team.id, name: "Priya, the payments lead", segment: "", goals: "", pains: "", jobs_to_be_done: "", quote: "" }).returning("id").executeTakeFirstOrThrow()).id;
  otherPersonaId = (await env.db.insertInto("personas").values({ workspace_id: env.other.id, name: "Someone else's persona", segment: "", goals: "", pains: "", jobs_to_be_done: "", quote: "" }).returning("id").executeTakeFirstOrThrow()).id;
});
const RETRIES = {
  title: "Instant payout retries",
  problem: "Failed payouts wait a day for the nightly batch",
  description: "Retry failed payouts **within minutes**.\n\n- exponential backoff\n- alert after 3 tries",
  status: "discovery",
  tags: "Payments, retention, payments ",
  target_quarter: "2026-Q3",
  reach: "2000",
  impact: "2",
  confidence: "80",
  effort: "76",
};

async function create(fields: FormFields = {}) {
  const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/new`, { ...RETRIES, owner_id: env.team.editor.id, personas: personaId, ...fields });
  expect(response.status, visibleText(await response.clone().text()).slice(0, 500)).toBe(302);
  return response.headers.get("location")!;
}

const page = async (path: string, browser = env.team.viewer.browser) => {
  const response = await browser.request(path);
  return { status: response.status, html: await response.clone().text(), text: visibleText(await response.text()) };
};

describe("initiatives", () => {
  it("an editor creates an initiative; everyone reads it with its score, formula, owner, personas and tags; the activity log records it", async () => {
    const location = await create();
    expect(location).toMatch(new RegExp(`^/w/${env.team.slug}/initiatives/[0-9a-f-]{36}$`));
    const { text, html } = await page(location);
    expect(text).toContain("Instant payout retries");
    expect(text).toContain("Failed payouts wait a day");
    expect(text).toContain("RICE 42 = 2,000 × 2 × 80% ÷ 76");
    expect(text).toContain(env.team.editor.name);
    expect(text).toContain("Priya, the payments lead");
    expect(text).toContain("2026-Q3");
    expect(html).toContain("<strong>within minutes</strong>");
    const id = location.split("/").pop()!;
    const row = await env.db.selectFrom("initiatives").select(["tags", "status", "owner_id", "source"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ tags: ["payments", "retention"], status: "discovery", owner_id: env.team.editor.id, source: "manual" });
    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_id", "=", id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "initiative", actor_id: env.team.editor.id, entity_title: RETRIES.title });
  });

  it("shows a missing score input as a hint, never NaN", async () => {
    const location = await create({ effort: "", title: "Unestimated idea" });
    const { text } = await page(location);
    expect(text).toContain("RICE — needs effort");
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it("refuses bad input with field errors and keeps what was typed", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/new`, {
      ...RETRIES,
      title: " ",
      impact: "5",
      confidence: "120",
      effort: "0",
      reach: "many",
      target_quarter: "Q3",
      status: "done",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "title")).toEqual(["Give the initiative a title."]);
    expect(fieldErrors(html, "impact")).toEqual(["Impact is one of 3, 2, 1, 0.5 or 0.25."]);
    expect(fieldErrors(html, "confidence")).toEqual(["Confidence is a percentage from 0 to 100."]);
    expect(fieldErrors(html, "effort")).toEqual(["Effort is in person-months: more than 0, at most 1,000."]);
    expect(fieldErrors(html, "reach")[0]).toContain("Enter a number.");
    expect(fieldErrors(html, "target_quarter")).toEqual(["Use a quarter like 2026-Q3."]);
    expect(fieldErrors(html, "status")).toEqual(["Choose a status."]);
    expect(html).toContain(RETRIES.problem);
  });

  it("refuses an owner or a persona from another workspace, by field", async () => {
    const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/initiatives/new`, { ...RETRIES, owner_id: env.other.editor.id, personas: otherPersonaId });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "owner_id")).toEqual(["Choose a member of this workspace."]);
    expect(fieldErrors(html, "personas")).toEqual(["Choose personas of this workspace."]);
    expect(await env.db.selectFrom("initiatives").select("id").where("workspace_id", "=", env.other.id).execute()).toEqual([]);
  });

  it("edits, replacing personas and clearing a score input", async () => {
    const location = await create();
    const edit = await page(`${location}/edit`, env.team.editor.browser);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('value="payments, retention"');
    const response = await env.team.editor.browser.postForm(`${location}/edit`, { ...RETRIES, status: "planned", effort: "", version: "1" });
    expect(response.status).toBe(302);
    const { text } = await page(location);
    expect(text).toContain("Planned");
    expect(text).toContain("RICE — needs effort");
    expect(text).not.toContain("Priya, the payments lead");
  });

  it("a viewer can neither create, edit, delete nor link", async () => {
    expect((await env.team.viewer.browser.postForm(`/w/${env.team.slug}/initiatives/new`, RETRIES)).status).toBe(403);
    const location = await create();
    expect((await env.team.viewer.browser.postForm(`${location}/edit`, { ...RETRIES, version: "1" })).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(location, { intent: "delete" })).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(location, { intent: "add-link", url: "https://github.com/a/b/issues/1" })).status).toBe(403);
    const { html, text } = await page(location);
    expect(html).not.toMatch(/>Edit<\/a>/);
    expect(text).not.toContain("Link an issue");
  });

  it("detects a conflicting edit, shows both texts in words and overwrites nothing", async () => {
    const location = await create();
    const mine = { ...RETRIES, owner_id: env.team.editor.id, personas: personaId };
    const first = await env.team.editor.browser.postForm(`${location}/edit`, { ...mine, problem: "Payout failures at 2 a.m.", version: "1" });
    expect(first.status).toBe(302);
    const stale = await env.team.admin.browser.postForm(`${location}/edit`, { ...mine, problem: "Chasing approvals", status: "shipped", version: "1" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    const text = visibleText(html);
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("Payout failures at 2 a.m.");
    expect(text).toContain("Chasing approvals");
    expect(text).toContain("Shipped");
    // "Save mine over theirs" posts the form's own values back, the persona as an id.
    expect(html).toContain(`name="personas" value="${personaId}"`);
    expect(html).toContain('name="version" value="2"');
    const id = location.split("/").pop()!;
    const row = await env.db.selectFrom("initiatives").select(["problem", "status", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ problem: "Payout failures at 2 a.m.", status: "discovery", version: 2 });
  });

  it("deletes after confirmation", async () => {
    const location = await create();
    const response = await env.team.editor.browser.postForm(location, { intent: "delete" });
    expect(response.status).toBe(302);
    expect((await env.team.editor.browser.request(location)).status).toBe(404);
  });

  it("renders a hostile Markdown description without any script, handler or javascript: link", async () => {
    const location = await create({
      description: 'Plan\n\n<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\n[x](javascript:alert(3))\n\n<a href="#" onmouseover="alert(4)">hover</a>',
    });
    const { html, text } = await page(location);
    expect(text).toContain("Plan");
    const body = html.replace(/<script\b[^>]*nonce="[^"]*"[^>]*>[\s\S]*?<\/script>/g, "");
    expect(body).not.toMatch(/<img|<script|\son(error|mouseover)=|href="javascript:/i);
  });

  it("links Jira, Linear and GitHub issues by URL and removes them", async () => {
    const location = await create();
    for (const url of ["https://northwind.atlassian.net/browse/PAY-42", "https://linear.app/northwind/issue/ENG-7/retry", "https://github.com/northwind/api/issues/311"]) {
      expect((await env.team.editor.browser.postForm(location, { intent: "add-link", url })).status).toBe(302);
    }
    const { text } = await page(location);
    expect(text).toContain("Jira PAY-42");
    expect(text).toContain("Linear ENG-7");
    expect(text).toContain("GitHub northwind/api#311");

    const twice = await env.team.editor.browser.postForm(location, { intent: "add-link", url: "https://northwind.atlassian.net/browse/PAY-42" });
    expect(twice.status).toBe(409);
    expect(fieldErrors(await twice.text(), "url")).toEqual(["PAY-42 is already linked to this initiative."]);
    const unknown = await env.team.editor.browser.postForm(location, { intent: "add-link", url: "https://example.com/ticket/1" });
    expect(unknown.status).toBe(400);
    const unknownHtml = await unknown.text();
    expect(fieldErrors(unknownHtml, "url")).toEqual(["Paste a link to a Jira issue, a Linear issue or project, or a GitHub issue."]);
    expect(unknownHtml).toContain('value="https://example.com/ticket/1"');

    const id = location.split("/").pop()!;
    const link = await env.db.selectFrom("initiative_links").select("id").where("initiative_id", "=", id).where("provider", "=", "jira").executeTakeFirstOrThrow();
    expect((await env.team.editor.browser.postForm(location, { intent: "remove-link", linkId: link.id })).status).toBe(302);
    expect((await page(location)).text).not.toContain("PAY-42");
  });

  it("exports every field as CSV: tags joined with '; ', persona names, score and framework", async () => {
    await create({ title: "=HYPERLINK(\"evil\")" });
    const response = await env.team.viewer.browser.request(`/w/${env.team.slug}/initiatives.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    const [header] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(
      "id,title,problem,description,status,owner,owner_email,personas,tags,target_quarter,framework,score,score_formula,reach,impact,confidence,effort,business_value,time_criticality,risk_reduction,job_size,ice_impact,ice_confidence,ease,source,created_at,updated_at",
    );
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(csv).toContain(`${env.team.editor.name},${env.team.editor.email},"Priya, the payments lead",payments; retention,2026-Q3,RICE,42.11,RICE 42 = 2,000 × 2 × 80% ÷ 76`.replace("RICE 42 = 2,000 × 2 × 80% ÷ 76", '"RICE 42 = 2,000 × 2 × 80% ÷ 76"'));
  });

  it("answers 404 for a malformed, unknown or other workspace's initiative, and changes nothing", async () => {
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/initiatives/not-an-id`)).status).toBe(404);
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/initiatives/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const location = await create({ title: "Team's secret plan" });
    const id = location.split("/").pop()!;
    const outsider = env.other.owner.browser;
    expect((await outsider.request(`/w/${env.other.slug}/initiatives/${id}`)).status).toBe(404);
    expect((await outsider.request(`/w/${env.other.slug}/initiatives/${id}/edit`)).status).toBe(404);
    expect((await outsider.postForm(`/w/${env.other.slug}/initiatives/${id}/edit`, { ...RETRIES, title: "Taken", version: "1" })).status).toBe(404);
    expect((await outsider.postForm(`/w/${env.other.slug}/initiatives/${id}`, { intent: "delete" })).status).toBe(404);
    expect((await outsider.postForm(`/w/${env.other.slug}/initiatives/${id}`, { intent: "add-link", url: "https://github.com/a/b/issues/1" })).status).toBe(404);
    expect((await outsider.postForm(`/w/${env.other.slug}/initiatives/board`, { intent: "move", id, version: "1", status: "shipped" })).status).toBe(404);
    const row = await env.db.selectFrom("initiatives").select(["title", "status", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Team's secret plan", status: "discovery", version: 1 });
    expect(await env.db.selectFrom("initiative_links").select("id").where("initiative_id", "=", id).execute()).toEqual([]);
  });
});
