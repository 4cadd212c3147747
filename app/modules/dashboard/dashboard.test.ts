import { generateKeyBetween } from "fractional-indexing";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoProduct } from "../../cli/seed/demo-product";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", empty: "Fresh Start" });

beforeAll(async () => {
  await seedDemoProduct(env.db, env.team.id, { owner: env.team.owner.id, editor: env.team.editor.id });
});
async function dashboard(browser = env.team.viewer.browser, slug = env.team.slug) {
  const response = await browser.request(`/w/${slug}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: visibleText(html) };
}

/** The visible text of one panel, found by its heading. */
function panel(text: string, title: string, next?: string) {
  const start = text.indexOf(title);
  expect(start).toBeGreaterThan(-1);
  return next ? text.slice(start, text.indexOf(next, start)) : text.slice(start);
}

function inOrder(text: string, items: string[]) {
  const positions = items.map((item) => text.indexOf(item));
  expect(positions.every((p) => p >= 0), `all of ${items.join(" | ")} appear`).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe("dashboard", () => {
  it("shows the Now lane in roadmap order, whatever order the items were added in", async () => {
    const first = await env.db
      .selectFrom("roadmap_items")
      .select("position")
      .where("workspace_id", "=", env.team.id)
      .where("lane", "=", "now")
      .orderBy("position")
      .executeTakeFirstOrThrow();
    await env.db
      .insertInto("roadmap_items")
      .values({ workspace_id: env.team.id, title: "Incident review of the payout delay", description: "", lane: "now", position: generateKeyBetween(null, first.position) })
      .execute();
    const now = panel((await dashboard()).text, "Now on the roadmap", "Top open risks");
    inOrder(now, ["Incident review of the payout delay", "One-tap checkout beta with 20 merchants", "Checkout under one second on 4G", "3-D Secure exemptions for low-risk cards"]);
    expect(now).toContain("One-tap checkout for returning shoppers · In progress");
    expect(now).not.toContain("Payout reconciliation MVP");
  });

  it("lists the five most severe open risks, most severe first, and leaves out the others", async () => {
    const risks = panel((await dashboard()).text, "Top open risks", "Recent transcripts");
    inOrder(risks, ["Fraud ring targets newly enabled wallets", "Black Friday traffic exceeds checkout capacity"]);
    for (const title of ["Issuers decline more when 3-D Secure exemptions are requested", "Android devices without passkeys fall back to a slower flow", "Paystream launches a free one-click checkout"]) {
      expect(risks).toContain(title);
    }
    expect(risks).toContain("20 · Critical");
    // Severity 10 but mitigating; severity 9 but open: neither is among the top five open.
    expect(risks).not.toContain("PCI DSS 4.0");
    expect(risks).not.toContain("Reconciliation mismatches");
  });

  it("shows recent transcripts, newest meeting first, with what was drawn from them", async () => {
    const transcripts = panel((await dashboard()).text, "Recent transcripts", "Recent activity");
    inOrder(transcripts, ["Weekly checkout review: one-tap beta go/no-go", "Customer interview: finance team at Northwind Goods"]);
    expect(transcripts).toContain("4 attendees · 3 decisions · 4 action items");
  });

  it("links every item to its page", async () => {
    const { html } = await dashboard();
    const risk = await env.db.selectFrom("risks").select("id").where("workspace_id", "=", env.team.id).where("title", "like", "Fraud ring%").executeTakeFirstOrThrow();
    const transcript = await env.db.selectFrom("transcripts").select("id").where("workspace_id", "=", env.team.id).where("format", "=", "vtt").executeTakeFirstOrThrow();
    expect(html).toContain(`href="/w/${env.team.slug}/risks/${risk.id}"`);
    expect(html).toContain(`href="/w/${env.team.slug}/transcripts/${transcript.id}"`);
    expect(html).toMatch(new RegExp(`href="/w/${env.team.slug}/roadmap/[0-9a-f-]{36}"`));
  });

  it("shows the ten latest changes with who, what and when, and stops linking to deleted items", async () => {
    const persona = await env.db.selectFrom("personas").select(["id", "name"]).where("workspace_id", "=", env.team.id).where("name", "like", "Tom%").executeTakeFirstOrThrow();
    expect((await env.team.editor.browser.postForm(`/w/${env.team.slug}/personas/${persona.id}`, { intent: "delete" })).status).toBe(302);
    const { html, text } = await dashboard();
    const activity = panel(text, "Recent activity");
    expect(activity).toContain(`${env.team.editor.name} deleted persona ${persona.name} just now`);
    expect(html).not.toContain(`/personas/${persona.id}"`);
    const entries = html.slice(html.indexOf("Recent activity")).match(/<time /g) ?? [];
    expect(entries).toHaveLength(10);
    expect(html).toContain(`href="/w/${env.team.slug}/settings/activity"`);
  });

  it("invites the first step in each empty panel, and shows nothing of another workspace", async () => {
    const { text, html } = await dashboard(env.empty.editor.browser, env.empty.slug);
    expect(text).toContain("Nothing is in the Now lane yet");
    expect(text).toContain("No open risks");
    expect(text).toContain("No meetings yet");
    expect(text).toContain("Nothing has changed yet");
    expect(html).toContain(`href="/w/${env.empty.slug}/risks/new"`);
    expect(html).toContain(`href="/w/${env.empty.slug}/transcripts/new"`);
    expect(text).not.toContain("Fraud ring");
    // Viewers read; the invitations to create are for people who can.
    const viewer = await dashboard(env.empty.viewer.browser, env.empty.slug);
    expect(viewer.html).not.toContain(`href="/w/${env.empty.slug}/risks/new"`);
  });

  it("answers 404 to someone who is not a member", async () => {
    expect((await env.empty.owner.browser.request(`/w/${env.team.slug}`)).status).toBe(404);
  });
});
