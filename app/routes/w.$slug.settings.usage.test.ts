import { beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../components/dates";
import { setUpTestApp } from "../server/test-context";
import { visibleText } from "../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", quiet: "Quiet Ledger", fresh: "Fresh Start" });
const DAY_MS = 24 * 60 * 60 * 1000;

function daysAgo(days: number, hour = 12) {
  const date = new Date(Date.now() - days * DAY_MS);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  const workspace_id = env.team.id;
  const raw = (days: number, kind: "page_view" | "feature" | "error", name: string, extra: { trace_id?: string; message?: string; origin?: "server" | "browser" } = {}) => ({
    occurred_at: daysAgo(days),
    kind,
    name,
    workspace_id,
    origin: "server" as const,
    ...extra,
  });
  await env.db
    .insertInto("usage_events")
    .values([
      // Three days ago is already rolled up below: these raw rows must not be counted a second time.
      ...Array.from({ length: 4 }, () => raw(3, "page_view", "/w/:slug/risks")),
      ...Array.from({ length: 3 }, () => raw(1, "page_view", "/w/:slug/risks")),
      raw(1, "page_view", "/w/:slug/initiatives"),
      raw(1, "feature", "risk.created"),
      raw(1, "feature", "ai.risk-analyst"),
      raw(1, "error", "/w/:slug/risks", { trace_id: "trace-7f3a9c21", message: "error: relation \"risks\" does not exist" }),
      raw(2, "error", "/w/:slug/risks/:id", { origin: "browser", message: "TypeError: x is undefined" }),
      // Another workspace's usage stays out of this one's view.
      { ...raw(1, "page_view", "/w/:slug/roadmap"), workspace_id: env.quiet.id },
    ])
    .execute();
  await env.db
    .insertInto("usage_daily")
    .values([
      { day: isoDay(daysAgo(3)), workspace_id, kind: "page_view", name: "/w/:slug/risks", count: 4 },
      { day: isoDay(daysAgo(20)), workspace_id, kind: "page_view", name: "/w/:slug/vision", count: 6 },
      { day: isoDay(daysAgo(60)), workspace_id, kind: "feature", name: "initiative.created", count: 5 },
    ])
    .execute();
});

async function usagePage(query = "", browser = env.team.admin.browser, slug = env.team.slug) {
  const response = await browser.request(`/w/${slug}/settings/usage${query}`);
  return { status: response.status, html: await response.text() };
}

describe("usage view", () => {
  it("shows admins page views per day, top pages and features, and recent errors with their trace ids", async () => {
    const { status, html } = await usagePage();
    expect(status).toBe(200);
    const text = visibleText(html);

    expect(text).toContain("Page views per day, last 30 days");
    // 4 rolled up + 3 + 1 raw + 6 rolled up on day 20; the raw copies of the rolled-up day are not added.
    expect(html).toMatch(/role="img" aria-label="Page views per day, last 30 days: 14 page views from \d+ \w{3} \d{4} to \d+ \w{3} \d{4}, most on \d+ \w{3} \d{4} \(6\)\."/);
    expect(text).toMatch(/Top pages \/w\/:slug\/risks 7 \/w\/:slug\/vision 6 \/w\/:slug\/initiatives 1/);
    expect(text).toMatch(/Top features ai\.risk-analyst 1 risk\.created 1/);
    expect(text).not.toContain("initiative.created");
    expect(text).not.toContain("/w/:slug/roadmap");
    expect(text).toContain("trace-7f3a9c21");
    expect(text).toContain('error: relation "risks" does not exist');
    expect(text).toContain("TypeError: x is undefined");
    expect(text).toMatch(/Errors per day, last 30 days/);
    expect(html).toMatch(/aria-label="Errors per day, last 30 days: 2 errors from/);
    expect(text).toContain(`${formatDate(daysAgo(3))} 4`);
  });

  it("switches the period with a plain GET form", async () => {
    const week = visibleText((await usagePage("?days=7")).html);
    expect(week).toContain("Page views per day, last 7 days");
    expect(week).not.toContain("/w/:slug/vision");
    const quarter = visibleText((await usagePage("?days=90")).html);
    expect(quarter).toContain("initiative.created 5");
    const unknown = visibleText((await usagePage("?days=365")).html);
    expect(unknown).toContain("last 30 days");
  });

  it("shows an empty state when the workspace has no usage yet", async () => {
    const { status, html } = await usagePage("", env.fresh.owner.browser, env.fresh.slug);
    expect(status).toBe(200);
    expect(visibleText(html)).toContain("No usage in the last 30 days");
    expect(html).not.toContain('role="img"');
  });

  it("refuses editors and viewers, and hides the workspace from non-members", async () => {
    expect((await usagePage("", env.team.editor.browser)).status).toBe(403);
    expect((await usagePage("", env.team.viewer.browser)).status).toBe(403);
    expect((await usagePage("", env.quiet.owner.browser)).status).toBe(404);
    expect((await usagePage("", env.app.newBrowser())).status).toBe(302);
  });

  it("offers Usage and Integrations in the workspace menu to admins and owners only", async () => {
    const settingsLinks = async (browser: typeof env.team.admin.browser) => {
      const html = await (await browser.request(`/w/${env.team.slug}`)).text();
      return ["usage", "integrations", "members"].filter((area) => html.includes(`href="/w/${env.team.slug}/settings/${area}"`));
    };
    expect(await settingsLinks(env.team.owner.browser)).toEqual(["usage", "integrations", "members"]);
    expect(await settingsLinks(env.team.admin.browser)).toEqual(["usage", "integrations", "members"]);
    expect(await settingsLinks(env.team.editor.browser)).toEqual(["members"]);
    expect(await settingsLinks(env.team.viewer.browser)).toEqual(["members"]);
  });
});
