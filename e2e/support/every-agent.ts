import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { FakeLlm, FakeLlmRequest } from "../fakes/llm/server";
import { expect } from "./fixtures";

/** One agent used in a spec: which it was, a phrase of its system prompt, and text that must never reach us. */
export interface AgentRun {
  agent: string;
  systemMarker: string;
  /** Answers the user did not save, and anything they typed into a prompt. */
  unsaved: string[];
  /** Answers the user accepted: they must reach us, which shows the recording sees what a leak would carry. */
  saved: string[];
}

interface Seeded {
  slug: string;
  transcriptId: string;
  competitorId: string;
  personaId: string;
  initiatives: { id: string; title: string }[];
}

/** A phrase no workspace holds, so finding it anywhere means a model's answer travelled there. */
const marker = (label: string) => `${label}-${randomBytes(6).toString("hex")}`;

/** Answers each agent by its system prompt, so one fake serves every panel of a spec. */
function answerBy(llm: FakeLlm, answers: [string, (request: FakeLlmRequest) => string][]) {
  llm.respond((request) => {
    const found = answers.find(([phrase]) => request.system.includes(phrase));
    if (!found) throw new Error(`no scripted answer for a request whose system prompt starts "${request.system.slice(0, 80)}"`);
    return { text: found[1](request) };
  });
}

async function openPanel(page: Page, url: string, button: string, dialog: string | RegExp = button) {
  await page.goto(url);
  await page.getByRole("button", { name: button }).click();
  const panel = page.getByRole("dialog", { name: dialog });
  await panel.getByRole("button", { name: "Run" }).click();
  await expect(panel.getByTestId("usage")).toBeVisible();
  return panel;
}

async function riskAnalyst(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const kept = marker("kept-risk");
  const rejected = marker("rejected-risk");
  const risk = (title: string) => ({
    title,
    description: `About ${title}`,
    category: "delivery",
    likelihood: 3,
    impact: 4,
    mitigation: "Plan for it",
    evidence: [{ source: "T1", quote: "If we miss the December freeze, the retry work slips to next year." }],
  });
  answerBy(llm, [["risk analyst", () => JSON.stringify({ risks: [risk(kept), risk(rejected)] })]]);
  const panel = await openPanel(page, `/w/${seeded.slug}/risks`, "Find risks with AI");
  await panel.getByRole("listitem", { name: `Risk: ${kept}` }).getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByRole("listitem", { name: `Risk: ${kept}` }).getByText("Saved, marked AI.")).toBeVisible();
  await panel.getByRole("listitem", { name: `Risk: ${rejected}` }).getByRole("button", { name: "Reject" }).click();
  return { agent: "risk analyst", systemMarker: "risk analyst", unsaved: [rejected], saved: [kept] };
}

async function recommendations(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const reason = marker("estimate-reason");
  const laneReason = marker("lane-reason");
  const gap = marker("gap");
  const cite = { cites: ["I1"], quote: "" };
  answerBy(llm, [
    [
      "product strategy advisor",
      () =>
        JSON.stringify({
          estimates: [{ initiative: "I1", reach: 4000, reachReason: reason, impact: 2, impactReason: reason, confidence: 80, confidenceReason: reason, effort: 5, effortReason: reason, ...cite }],
          sequencing: [{ item: "M2", lane: "later", reason: laneReason, cites: ["M2"], quote: "" }],
          gaps: [{ title: gap, problem: "Sellers cannot forecast cash.", why: "The vision promises predictability.", cites: ["V1"], quote: "" }],
        }),
    ],
  ]);
  const panel = await openPanel(page, `/w/${seeded.slug}/initiatives`, "Recommendations");
  await panel.getByRole("region", { name: "RICE estimates" }).getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByRole("region", { name: "RICE estimates" }).getByText("Saved.")).toBeVisible();
  await panel.getByRole("region", { name: "Roadmap sequencing" }).getByRole("button", { name: "Reject" }).click();
  await panel.getByRole("listitem", { name: `Missing initiative: ${gap}` }).getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByRole("listitem", { name: `Missing initiative: ${gap}` }).getByText("Saved, marked AI.")).toBeVisible();
  return { agent: "recommendations", systemMarker: "product strategy advisor", unsaved: [reason, laneReason], saved: [gap] };
}

async function personaDrafter(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const hint = marker("persona-hint");
  const name = marker("persona");
  answerBy(llm, [
    [
      "product researcher",
      () =>
        JSON.stringify({
          name,
          segment: "Marketplace operations",
          goals: ["Pay sellers on time"],
          pains: ["Batch delays"],
          jobs_to_be_done: ["When a payout fails, I want to retry it, so sellers are paid today"],
          quote: "I just want the money to move.",
          evidence: [{ source: "T1", quote: "Sellers keep asking why payouts take three days." }],
        }),
    ],
  ]);
  await page.goto(`/w/${seeded.slug}/personas`);
  await page.getByRole("button", { name: "Draft a persona with AI" }).click();
  const panel = page.getByRole("dialog", { name: "Draft a persona with AI" });
  await panel.getByLabel("Who is this persona?").fill(hint);
  await panel.getByRole("button", { name: "Continue" }).click();
  await panel.getByRole("button", { name: "Run" }).click();
  await panel.getByRole("listitem", { name: `Persona: ${name}` }).getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByText("Saved, marked AI.")).toBeVisible();
  return { agent: "persona drafter", systemMarker: "product researcher", unsaved: [hint], saved: [name] };
}

async function competitorAnalyst(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const positioning = marker("positioning");
  const threatReason = marker("threat-reason");
  answerBy(llm, [
    [
      "competitive analyst",
      () =>
        JSON.stringify({
          positioning,
          strengths: ["Bank coverage"],
          weaknesses: ["Slow onboarding"],
          pricing_notes: "Nothing known.",
          threat_level: "high",
          threat_reason: threatReason,
          evidence: [],
        }),
    ],
  ]);
  const panel = await openPanel(page, `/w/${seeded.slug}/competitors/${seeded.competitorId}`, "Analyse with AI", /^Analyse .* with AI$/);
  await panel.getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByText("Saved.")).toBeVisible();
  return { agent: "competitor analyst", systemMarker: "competitive analyst", unsaved: [threatReason], saved: [positioning] };
}

async function visionCritic(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const finding = marker("finding");
  const statement = marker("statement");
  answerBy(llm, [
    [
      "product strategy coach",
      () =>
        JSON.stringify({
          critique: [{ phrase: "Sellers get paid the moment they earn it.", finding, suggestion: "Say for whom." }],
          revision: { statement, mission: "m", target_customers: "t", principles: "p", north_star_metric: "n", rationale: "r" },
        }),
    ],
  ]);
  const panel = await openPanel(page, `/w/${seeded.slug}/vision`, "Critique with AI", "Critique the vision with AI");
  await expect(panel.getByText(finding)).toBeVisible();
  await panel.getByRole("button", { name: "Reject" }).click();
  return { agent: "vision critic", systemMarker: "product strategy coach", unsaved: [finding, statement], saved: [] };
}

async function onePager(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const problem = marker("one-pager-problem");
  const question = marker("open-question");
  answerBy(llm, [
    [
      "one-page brief",
      () =>
        JSON.stringify({
          problem,
          proposed_solution: "Retry failed payouts within the hour.",
          target_personas: [{ handle: "P1", why: "They reconcile payouts." }],
          success_metrics: ["Payouts settled within an hour"],
          risks: [],
          open_questions: [question],
        }),
    ],
  ]);
  const panel = await openPanel(page, `/w/${seeded.slug}/initiatives/${seeded.initiatives[0]!.id}`, "Write a one-pager with AI");
  await panel.getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByText("Saved.")).toBeVisible();
  return { agent: "one-pager", systemMarker: "one-page brief", unsaved: [], saved: [problem, question] };
}

async function transcriptSummariser(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const summary = marker("summary");
  const decision = marker("decision");
  const rejectedRisk = marker("summarised-risk");
  answerBy(llm, [
    [
      "summarise product-team meetings",
      () =>
        JSON.stringify({
          summary,
          decisions: [{ decision, quote: "Decision: we pilot instant retries with five sellers first." }],
          actionItems: [],
          risks: [{ title: rejectedRisk, description: "d", likelihood: 2, impact: 2, mitigation: "m", quote: "Sellers keep asking why payouts take three days." }],
        }),
    ],
  ]);
  const panel = await openPanel(page, `/w/${seeded.slug}/transcripts/${seeded.transcriptId}`, "Summarise with AI");
  await panel.getByRole("listitem", { name: "Summary: Meeting summary" }).getByRole("button", { name: "Accept" }).click();
  await expect(panel.getByRole("listitem", { name: "Summary: Meeting summary" }).getByText("Saved.")).toBeVisible();
  await panel.getByRole("listitem", { name: `Risk: ${rejectedRisk}` }).getByRole("button", { name: "Reject" }).click();
  return { agent: "transcript summariser", systemMarker: "summarise product-team meetings", unsaved: [decision, rejectedRisk], saved: [summary] };
}

async function askTheWorkspace(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun> {
  const question = marker("question");
  const answer = marker("answer");
  answerBy(llm, [["workspace assistant", () => `${answer} [S1]`]]);
  await page.goto(`/w/${seeded.slug}/ai`);
  await page.getByLabel("Ask a question").fill(`Which risks matter most? ${question}`);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("article", { name: /^Answer to: Which risks matter most/ }).getByTestId("usage")).toBeVisible();
  await expect(page.getByText(answer)).toBeVisible();
  return { agent: "chat", systemMarker: "workspace assistant", unsaved: [question, answer], saved: [] };
}

/** Runs every agent and the chat once, accepting some proposals, as a user would. */
export async function useEveryAgent(page: Page, llm: FakeLlm, seeded: Seeded): Promise<AgentRun[]> {
  const runs: AgentRun[] = [];
  for (const use of [riskAnalyst, transcriptSummariser, recommendations, personaDrafter, competitorAnalyst, visionCritic, onePager, askTheWorkspace]) runs.push(await use(page, llm, seeded));
  return runs;
}
