import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp, type TestEnv } from "../server/test-context";
import { visibleText } from "../server/testing";

const env: TestEnv<"team"> = setUpTestApp({ team: "Northwind Payments" });

// Instants a minute either side of midnight UTC: a page that formats in its own zone, or with the
// locale data of its own ICU, prints another day or another month name than the next page does.
const BEFORE_MIDNIGHT = new Date("2026-09-30T23:59:00Z");
const AFTER_MIDNIGHT = new Date("2026-10-01T00:01:00Z");

let initiativeId: string;
let riskId: string;

beforeAll(async () => {
  const workspace_id = env.team.id;
  ({ id: initiativeId } = await env.db
    .insertInto("initiatives")
    .values({ workspace_id, title: "Instant payouts", updated_at: BEFORE_MIDNIGHT })
    .returning("id")
    .executeTakeFirstOrThrow());
  ({ id: riskId } = await env.db
    .insertInto("risks")
    .values({ workspace_id, title: "Card scheme fee rise", likelihood: 5, impact: 5, due_date: "2026-09-30", updated_at: AFTER_MIDNIGHT })
    .returning("id")
    .executeTakeFirstOrThrow());
  await env.db.insertInto("transcripts").values({ workspace_id, title: "Pricing review", meeting_date: "2026-09-30", content: "Notes." }).execute();
  await env.db
    .insertInto("invitations")
    .values({ workspace_id, email: "newcomer@example.com", role: "editor", token_hash: randomBytes(32), invited_by: env.team.owner.id, expires_at: AFTER_MIDNIGHT })
    .execute();
});

async function page(path: string) {
  const response = await env.team.owner.browser.request(`/w/${env.team.slug}${path}`);
  expect(response.status, path).toBe(200);
  return visibleText(await response.text());
}

describe("dates on pages", () => {
  it("print a calendar date as 30 Sep 2026 on every page that shows it, in UTC", async () => {
    const pages = {
      dashboard: await page(""),
      risks: await page("/risks"),
      risk: await page(`/risks/${riskId}`),
      initiatives: await page("/initiatives"),
      initiative: await page(`/initiatives/${initiativeId}`),
      transcripts: await page("/transcripts"),
      members: await page("/settings/members"),
    };
    // Soft: one run names every page that disagrees.
    expect.soft(pages.dashboard).toContain("due 30 Sep 2026");
    expect.soft(pages.dashboard).toMatch(/Pricing review\s+30 Sep 2026/);
    expect.soft(pages.risks).toMatch(/Card scheme fee rise.*30 Sep 2026/);
    expect.soft(pages.risk).toContain("30 Sep 2026");
    expect.soft(pages.risk).toContain("Updated 1 Oct 2026");
    expect.soft(pages.initiatives).toMatch(/Instant payouts.*30 Sep 2026/);
    expect.soft(pages.initiative).toMatch(/Updated\s*30 Sep 2026/);
    expect.soft(pages.transcripts).toMatch(/Pricing review\s*30 Sep 2026/);
    expect.soft(pages.members).toContain("newcomer@example.com Editor · expires 1 Oct 2026");
    for (const [name, text] of Object.entries(pages)) {
      expect.soft(text, name).not.toMatch(/Sept\b|Sep 30|30\/09|01\/10/);
    }
  });
});
