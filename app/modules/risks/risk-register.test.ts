import type { Insertable } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { RisksTable } from "../../../db/schema";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { topRisks } from "./risks.server";
import { severityBand } from "./severity";

const env = setUpTestApp();

type NewRisk = Omit<Insertable<RisksTable>, "workspace_id">;

async function addRisks(workspace: SeededWorkspace, risks: NewRisk[]) {
  await env.db
    .insertInto("risks")
    .values(risks.map((risk) => ({ ...risk, workspace_id: workspace.id })))
    .execute();
}

async function register(workspace: SeededWorkspace, search = "") {
  const response = await workspace.viewer.browser.request(`/w/${workspace.slug}/risks${search}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const titles = [...html.matchAll(new RegExp(`<a [^>]*href="/w/${workspace.slug}/risks/[0-9a-f-]{36}"[^>]*>([^<]*)</a>`, "g"))].map((m) => m[1]);
  return { html, text: visibleText(html), titles };
}

function cellTag(html: string, likelihood: number, impact: number) {
  return html.match(new RegExp(`<a [^>]*aria-label="Likelihood ${likelihood}, impact ${impact}: [^>]*>`))?.[0] ?? "";
}

function cellLabel(html: string, likelihood: number, impact: number) {
  return html.match(new RegExp(`aria-label="(Likelihood ${likelihood}, impact ${impact}: [^"]*)"`))?.[1];
}

describe("severity", () => {
  it("is likelihood × impact, stored by the database, in the bands low 1–4, medium 5–9, high 10–16, critical 20–25", async () => {
    const team = await seedWorkspace(env.app, env.db, "Severity Check");
    await addRisks(team, [
      { title: "Two by two", likelihood: 2, impact: 2 },
      { title: "Five by five", likelihood: 5, impact: 5 },
    ]);
    const rows = await env.db.selectFrom("risks").select(["title", "severity"]).where("workspace_id", "=", team.id).orderBy("severity").execute();
    expect(rows).toEqual([
      { title: "Two by two", severity: 4 },
      { title: "Five by five", severity: 25 },
    ]);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(severityBand)).toEqual(["low", "low", "medium", "medium", "high", "high", "critical", "critical"]);
    const { text } = await register(team);
    expect(text).toContain("25 · Critical");
    expect(text).toContain("4 · Low");
  });
});

describe("the heat map", () => {
  let team: SeededWorkspace;
  beforeAll(async () => {
    team = await seedWorkspace(env.app, env.db, "Heat Map Co");
    await addRisks(team, [
      { title: "Regulator fines us", likelihood: 4, impact: 5 },
      { title: "Key engineer leaves", likelihood: 4, impact: 5, status: "mitigating" },
      { title: "Bank partner exits", likelihood: 4, impact: 5, status: "accepted" },
      { title: "Old fraud rule misfires", likelihood: 4, impact: 5, status: "closed" },
      { title: "Typo in the docs", likelihood: 1, impact: 1 },
      { title: "Stale screenshot", likelihood: 1, impact: 1 },
      { title: "Launch slips a week", likelihood: 3, impact: 3 },
    ]);
    // Another workspace's risks never count.
    const other = await seedWorkspace(env.app, env.db, "Other Heat");
    await addRisks(other, [{ title: "Not ours", likelihood: 4, impact: 5 }]);
  });

  it("counts the risks that are not closed in each cell, with an accessible label, from one grouped query", async () => {
    const { html } = await register(team);
    expect(cellLabel(html, 4, 5)).toBe("Likelihood 4, impact 5: 3 risks (severity 20, critical)");
    expect(cellLabel(html, 1, 1)).toBe("Likelihood 1, impact 1: 2 risks (severity 1, low)");
    expect(cellLabel(html, 3, 3)).toBe("Likelihood 3, impact 3: 1 risk (severity 9, medium)");
    expect(cellLabel(html, 2, 4)).toBe("Likelihood 2, impact 4: 0 risks (severity 8, medium)");
    expect(html.match(/aria-label="Likelihood \d, impact \d: /g)).toHaveLength(25);
    const all = await register(team, "?status=all");
    expect(cellLabel(all.html, 4, 5)).toBe("Likelihood 4, impact 5: 4 risks (severity 20, critical)");
  });

  it("links each cell to the register narrowed to it, keeping the other filters, and highlights the active cell", async () => {
    const { html } = await register(team, "?status=all");
    expect(cellTag(html, 4, 5)).toContain(`href="/w/${team.slug}/risks?status=all&amp;likelihood=4&amp;impact=5"`);
    const cell = await register(team, "?likelihood=4&impact=5");
    expect(cell.titles.sort()).toEqual(["Bank partner exits", "Key engineer leaves", "Regulator fines us"]);
    expect(cellTag(cell.html, 4, 5)).toContain('aria-current="true"');
    expect(cell.html.match(/aria-current="true"/g)).toHaveLength(1);
    // The map still shows every cell, so a person can move to another one.
    expect(cellLabel(cell.html, 1, 1)).toBe("Likelihood 1, impact 1: 2 risks (severity 1, low)");
    expect(cell.text).toContain("Show every cell");
    const closed = await register(team, "?status=closed&likelihood=4&impact=5");
    expect(closed.titles).toEqual(["Old fraud rule misfires"]);
  });

  it("counts under the other filters too (search, category, owner, source)", async () => {
    const { html } = await register(team, "?q=regulator");
    expect(cellLabel(html, 4, 5)).toMatch(/: 1 risk /);
    expect(cellLabel(html, 1, 1)).toMatch(/: 0 risks /);
  });
});

describe("the register", () => {
  let team: SeededWorkspace;
  beforeAll(async () => {
    team = await seedWorkspace(env.app, env.db, "Register Ltd");
    await addRisks(team, [
      { title: "SOC 2 audit finds gaps", likelihood: 3, impact: 4, category: "Compliance", owner_id: team.admin.id, due_date: "2099-03-01" },
      { title: "Payout API deprecated", likelihood: 3, impact: 4, category: "technical", owner_id: team.editor.id, due_date: "2099-01-15" },
      { title: "Competitor undercuts pricing", likelihood: 4, impact: 4, category: "market", source: "ai" },
      { title: "Pen test finds an injection", likelihood: 2, impact: 5, category: "security", source: "transcript", due_date: "2020-01-01" },
      { title: "Hiring freeze", likelihood: 2, impact: 2, category: "people", status: "closed", due_date: "2020-01-01" },
      { title: "Late vendor contract", likelihood: 1, impact: 3, category: "delivery", status: "mitigating", owner_id: team.editor.id },
    ]);
  });

  it("lists risks that are not closed, most severe first, then soonest due, then undated", async () => {
    const { titles } = await register(team);
    expect(titles).toEqual([
      "Competitor undercuts pricing",
      "Payout API deprecated",
      "SOC 2 audit finds gaps",
      "Pen test finds an injection",
      "Late vendor contract",
    ]);
  });

  it("flags overdue due dates, but not on closed risks", async () => {
    const { html } = await register(team, "?status=all");
    const rowOf = (title: string) => html.slice(html.indexOf(`>${title}</a>`), html.indexOf("</tr>", html.indexOf(`>${title}</a>`)));
    expect(visibleText(rowOf("Pen test finds an injection"))).toContain("1 Jan 2020 Overdue");
    expect(visibleText(rowOf("Hiring freeze"))).not.toContain("Overdue");
    expect(visibleText(rowOf("Payout API deprecated"))).not.toContain("Overdue");
  });

  it.each([
    ["?status=closed", ["Hiring freeze"]],
    ["?status=mitigating", ["Late vendor contract"]],
    ["?category=compliance", ["SOC 2 audit finds gaps"]],
    [`?owner=__editor__`, ["Payout API deprecated", "Late vendor contract"]],
    ["?owner=none", ["Competitor undercuts pricing", "Pen test finds an injection"]],
    ["?source=ai", ["Competitor undercuts pricing"]],
    ["?source=transcript", ["Pen test finds an injection"]],
    ["?q=injection", ["Pen test finds an injection"]],
    ["?status=all&q=freeze", ["Hiring freeze"]],
    ["?likelihood=3", ["Payout API deprecated", "SOC 2 audit finds gaps"]],
    ["?status=bogus&likelihood=9&owner=not-an-id", ["Competitor undercuts pricing", "Payout API deprecated", "SOC 2 audit finds gaps", "Pen test finds an injection", "Late vendor contract"]],
  ])("filters by %s", async (search, expected) => {
    const { titles, html } = await register(team, search.replace("__editor__", team.editor.id));
    expect(titles).toEqual(expected);
    // The form shows the filter that is applied.
    if (search.startsWith("?category")) expect(html).toMatch(/<option value="Compliance" selected="">/);
  });

  it("offers a friendly empty result and a way back when nothing matches", async () => {
    const { text, titles } = await register(team, "?q=zeppelin");
    expect(titles).toEqual([]);
    expect(text).toContain("No risk matches these filters");
    expect(text).toContain("Clear the filters");
  });

  it("exports only what the filters show", async () => {
    const csv = await (await team.viewer.browser.request(`/w/${team.slug}/risks.csv?category=market`)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Competitor undercuts pricing");
  });
});

describe("a large register", () => {
  it("shows 50 risks a page, with the total counted from the heat map and pages that keep the filters", async () => {
    const team = await seedWorkspace(env.app, env.db, "Big Register");
    await addRisks(
      team,
      Array.from({ length: 120 }, (_, n) => ({ title: `Risk number ${String(n).padStart(3, "0")}`, likelihood: (n % 5) + 1, impact: 3, category: n % 2 ? "odd" : "even" })),
    );
    const first = await register(team);
    expect(first.titles).toHaveLength(50);
    expect(first.text).toContain("Showing 1–50 of 120 · page 1 of 3");
    expect(first.html).toContain(`href="/w/${team.slug}/risks?page=2"`);
    const last = await register(team, "?page=3");
    expect(last.titles).toHaveLength(20);
    expect(last.text).toContain("Showing 101–120 of 120");
    expect(new Set([...first.titles, ...(await register(team, "?page=2")).titles, ...last.titles]).size).toBe(120);
    const beyond = await register(team, "?page=99");
    expect(beyond.text).toContain("Showing 101–120 of 120");
    const odd = await register(team, "?category=odd&page=2");
    expect(odd.titles).toHaveLength(10);
    expect(odd.text).toContain("Showing 51–60 of 60");
    expect(odd.html).toContain(`href="/w/${team.slug}/risks?category=odd"`);
  });
});

describe("topRisks", () => {
  it("returns the five most severe risks that are not closed, of this workspace only", async () => {
    const team = await seedWorkspace(env.app, env.db, "Top Risks Inc");
    const other = await seedWorkspace(env.app, env.db, "Someone Else");
    await addRisks(team, [
      { title: "A", likelihood: 5, impact: 5, status: "closed" },
      { title: "B", likelihood: 4, impact: 5 },
      { title: "C", likelihood: 4, impact: 4, due_date: "2099-01-01" },
      { title: "D", likelihood: 4, impact: 4, due_date: "2098-01-01" },
      { title: "E", likelihood: 3, impact: 3, status: "mitigating" },
      { title: "F", likelihood: 2, impact: 3 },
      { title: "G", likelihood: 1, impact: 1 },
    ]);
    await addRisks(other, [{ title: "Theirs", likelihood: 5, impact: 5 }]);
    const top = await topRisks(env.db, team.id, 5);
    expect(top.map((r) => [r.title, r.severity])).toEqual([
      ["B", 20],
      ["D", 16],
      ["C", 16],
      ["E", 9],
      ["F", 6],
    ]);
  });
});
