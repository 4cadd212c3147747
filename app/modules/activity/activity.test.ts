import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", rival: "Contoso Ledger" });
let personaPath: string;

const TYPES = ["initiative", "risk", "persona", "roadmap_item"] as const;

beforeAll(async () => {
  // 120 events about items that no longer exist (oldest first), then one about a persona that does.
  await env.db
    .insertInto("activity_events")
    .values(
      Array.from({ length: 120 }, (_, i) => ({
        workspace_id: env.team.id,
        actor_id: i % 2 ? env.team.editor.id : env.team.admin.id,
        action: "created" as const,
        entity_type: TYPES[i % 4]!,
        entity_id: randomUUID(),
        entity_title: `${TYPES[i % 4]} number ${i + 1}`,
        created_at: new Date(Date.now() - (200 - i) * 60_000),
      })),
    )
    .execute();
  await env.db
    .insertInto("activity_events")
    .values({ workspace_id: env.rival.id, actor_id: env.rival.owner.id, action: "created", entity_type: "risk", entity_id: randomUUID(), entity_title: "Contoso's secret risk" })
    .execute();
  const created = await env.team.editor.browser.postForm(`/w/${env.team.slug}/personas/new`, { name: "=Priya, the payments lead" });
  expect(created.status).toBe(302);
  personaPath = created.headers.get("location")!;
});
async function page(path: string, browser = env.team.viewer.browser) {
  const response = await browser.request(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  const older = html.match(/href="([^"]*before=\d+[^"]*)"[^>]*rel="next"|rel="next"[^>]*href="([^"]*)"/);
  return { html, text: visibleText(html), entries: (html.match(/<time /g) ?? []).length, older: older ? (older[1] ?? older[2])!.replace(/&amp;/g, "&") : null };
}

describe("activity log", () => {
  it("lists who changed what, newest first, 50 at a time, with an Older link back to the first event", async () => {
    const first = await page(`/w/${env.team.slug}/settings/activity`);
    expect(first.entries).toBe(50);
    expect(first.text).toContain(`${env.team.editor.name} created persona =Priya, the payments lead just now`);
    expect(first.text.indexOf("=Priya")).toBeLessThan(first.text.indexOf("roadmap_item number 120"));
    expect(first.older).toMatch(/^\/w\/[^/]+\/settings\/activity\?before=\d+$/);

    const second = await page(first.older!);
    expect(second.entries).toBe(50);
    expect(second.text).toContain("persona number 71");
    expect(second.text).not.toContain("roadmap_item number 72 ");
    expect(second.text).toContain("Newest");

    const third = await page(second.older!);
    expect(third.entries).toBe(21);
    expect(third.text).toContain("initiative number 1 ");
    expect(third.older).toBeNull();
  });

  it("links to items that still exist, and marks the ones that are gone", async () => {
    const { html, text } = await page(`/w/${env.team.slug}/settings/activity`);
    expect(html).toContain(`href="${personaPath}"`);
    expect(text).toContain("risk number 118 (since deleted)");
    expect(html).not.toMatch(/href="\/w\/[^"]+\/risks\//);
  });

  it("filters by kind of item, and keeps the filter across pages", async () => {
    const risks = await page(`/w/${env.team.slug}/settings/activity?type=risk`);
    expect(risks.entries).toBe(30);
    expect(risks.text).toContain("risk number 118");
    expect(risks.text).not.toMatch(/initiative number|persona number|Priya/);
    expect(risks.older).toBeNull();
    const initiatives = await page(`/w/${env.team.slug}/settings/activity?type=initiative&before=1000000`);
    expect(initiatives.entries).toBe(30);
    // Unknown filters are ignored rather than refused.
    expect((await page(`/w/${env.team.slug}/settings/activity?type=nonsense&before=abc`)).entries).toBe(50);
  });

  it("exports the log as CSV, filtered the same way, with formula-looking cells neutralised", async () => {
    const response = await env.team.viewer.browser.request(`/w/${env.team.slug}/settings/activity.csv`);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("id,time,who,action,item_type,item_id,item_title,item_exists");
    expect(lines).toHaveLength(1 + 121);
    expect(lines[1]).toContain(`${env.team.editor.name},created,Persona,`);
    expect(lines[1]).toContain("'=Priya, the payments lead");
    expect(lines[1]).toMatch(/,yes$/);
    const risks = await (await env.team.viewer.browser.request(`/w/${env.team.slug}/settings/activity.csv?type=risk`)).text();
    expect(risks.trim().split("\r\n")).toHaveLength(1 + 30);
  });

  it("shows each workspace its own log only", async () => {
    expect((await page(`/w/${env.team.slug}/settings/activity`)).text).not.toContain("Contoso's secret risk");
    expect((await page(`/w/${env.rival.slug}/settings/activity`, env.rival.viewer.browser)).text).toContain("Contoso's secret risk");
    expect((await env.rival.owner.browser.request(`/w/${env.team.slug}/settings/activity`)).status).toBe(404);
    expect((await env.rival.owner.browser.request(`/w/${env.team.slug}/settings/activity.csv`)).status).toBe(404);
  });
});
