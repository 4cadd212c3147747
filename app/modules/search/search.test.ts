import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoProduct } from "../../cli/seed/demo-product";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";
import type { SeededWorkspace } from "../../server/testing-workspace";
import { splitHighlights } from "./highlight";

const env = setUpTestApp({ team: "Northwind Payments", rival: "Contoso Ledger" });

beforeAll(async () => {
  await seedDemoProduct(env.db, env.team.id, { owner: env.team.owner.id, editor: env.team.editor.id });
  await env.db
    .insertInto("risks")
    .values({ workspace_id: env.rival.id, title: "Passkeys rollout stalls at Contoso", likelihood: 5, impact: 5, description: "One-tap checkout depends on it." })
    .execute();
  await env.db
    .insertInto("initiatives")
    .values({
      workspace_id: env.team.id,
      title: "Harden the <b>saved-card</b> vault for passkeys",
      problem: "",
      status: "idea",
      description: 'Escape this: <script>alert("x")</script> — fees < 2% & margins hold before passkeys ship.',
    })
    .execute();
});
async function search(query: string, { browser = env.team.viewer.browser, slug = env.team.slug, type }: { browser?: SeededWorkspace["viewer"]["browser"]; slug?: string; type?: string } = {}) {
  const params = new URLSearchParams({ q: query, ...(type ? { type } : {}) });
  const response = await browser.request(`/w/${slug}/search?${params}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const list = html.slice(html.indexOf("<ol"), html.lastIndexOf("</ol>"));
  return { html, text: visibleText(html), results: visibleText(list) };
}

describe("search", () => {
  it("finds every kind of item in one ranked list, title matches first", async () => {
    const { results } = await search("passkeys");
    const titleMatch = results.indexOf("Android devices without passkeys fall back to a slower flow");
    const meeting = results.indexOf("Weekly checkout review: one-tap beta go/no-go");
    expect(titleMatch).toBeGreaterThan(-1);
    expect(meeting).toBeGreaterThan(titleMatch);
    expect(results).toContain("Risk");
    expect(results).toContain("Transcript");
  });

  it("highlights the matches in titles and snippets, and escapes everything else", async () => {
    const { html, results } = await search("passkeys");
    expect(html).toMatch(/<mark[^>]*>passkeys<\/mark> fall back to a slower flow/);
    expect(html).toMatch(/<mark[^>]*>Passkey<\/mark>-secured saved details/);
    // Markup in product text is text: shown as typed, never run or rendered.
    expect(results).toContain("Harden the <b>saved-card</b> vault for passkeys");
    expect(html).toContain("Harden the &lt;b&gt;saved-card&lt;/b&gt; vault for <mark");
    expect(html).not.toContain("<b>saved-card</b>");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("fees &lt; 2% &amp; margins");
  });

  it("never shows another workspace's items", async () => {
    expect((await search("passkeys")).results).not.toContain("Contoso");
    const theirs = await search("passkeys", { browser: env.rival.viewer.browser, slug: env.rival.slug });
    expect(theirs.results).toContain("Passkeys rollout stalls at Contoso");
    expect(theirs.results).not.toContain("Android devices");
    expect((await search("one-tap", { browser: env.rival.viewer.browser, slug: env.rival.slug })).results).not.toContain("One-tap checkout for returning shoppers");
  });

  it("searches the latest vision only, not its history", async () => {
    expect((await search("North America")).results).toContain("Vision, version 3");
    // "Independent online shops" was the first version's wording.
    expect((await search("independent online shops")).results).not.toContain("Vision, version");
  });

  it("narrows to one type and counts the matches of each", async () => {
    const all = await search("checkout");
    expect(all.text).toMatch(/Initiatives \d+/);
    expect(all.text).toMatch(/Risks \d+/);
    const risks = await search("checkout", { type: "risk" });
    expect(risks.results).toContain("Black Friday traffic exceeds checkout capacity");
    expect(risks.results).not.toContain("One-tap checkout for returning shoppers");
    expect(risks.results).not.toMatch(/Initiative|Transcript|Persona/);
  });

  it("understands quotes and exclusions, and says when nothing matches", async () => {
    const phrase = await search('"payout reconciliation" -mvp');
    expect(phrase.results).toContain("Automatic payout reconciliation");
    expect(phrase.results).not.toContain("Payout reconciliation MVP");
    expect((await search("zebra crossing")).text).toContain("Nothing matches “zebra crossing”");
    expect((await search("")).text).toContain("Search the whole workspace");
  });

  it("answers 404 to someone who is not a member", async () => {
    expect((await env.rival.owner.browser.request(`/w/${env.team.slug}/search?q=passkeys`)).status).toBe(404);
  });
});

describe("splitHighlights", () => {
  it("turns ts_headline markers into marked and unmarked parts", () => {
    expect(splitHighlights("a \uE000b\uE001 c \uE000d\uE001")).toEqual([
      { text: "a ", marked: false },
      { text: "b", marked: true },
      { text: " c ", marked: false },
      { text: "d", marked: true },
    ]);
    expect(splitHighlights("no marks")).toEqual([{ text: "no marks", marked: false }]);
    expect(splitHighlights("broken \uE000mark")).toEqual([
      { text: "broken ", marked: false },
      { text: "mark", marked: false },
    ]);
  });
});
