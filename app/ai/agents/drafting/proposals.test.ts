import { describe, expect, it } from "vitest";
import type { WorkspaceCorpus } from "../../workspace-corpus";
import { competitorAnalysisSchema, type CompetitorAnalysis } from "./competitor-analyst";
import { competitorSources, initiativeSources, personaSources, visionSources, visionText, type CompetitorSnapshot, type VisionSnapshot } from "./drafting-sources";
import { onePagerSchema, type OnePager } from "./initiative-one-pager";
import { personaDrafter, personaDraftSchema, type PersonaDraft } from "./persona-drafter";
import { competitorProposal, critiqueFindings, onePagerMarkdown, onePagerProposal, personaProposal, visionRevisionProposal } from "./proposals";
import { visionCritiqueSchema, type VisionCritique } from "./vision-critic";

const SLUG = "northwind";

const corpus: WorkspaceCorpus = {
  vision: { url: "/w/northwind/vision", number: 3, text: "Close the books in a day." },
  personas: [{ id: "p-fiona", url: "/w/northwind/personas/p-fiona", title: "Fiona, finance admin", text: "Mid-size retailer\nPains: month-end takes two weeks" }],
  competitors: [
    { id: "c-acme", url: "/w/northwind/competitors/c-acme", title: "Acme Billing", text: "All-in-one billing (clipped)…" },
    { id: "c-other", url: "/w/northwind/competitors/c-other", title: "Contoso Ledger", text: "Ledger for banks" },
  ],
  initiatives: [
    { id: "i-recon", url: "/w/northwind/initiatives/i-recon", title: "Auto reconciliation", text: "Problem: manual matching", status: "planned", version: 4, rice: { reach: null, impact: null, confidence: null, effort: null } },
    { id: "i-export", url: "/w/northwind/initiatives/i-export", title: "CSV export", text: "Export ledgers", status: "idea", version: 1, rice: { reach: null, impact: null, confidence: null, effort: null } },
  ],
  roadmap: [],
  risks: [],
  transcripts: [{ id: "t-1", url: "/w/northwind/transcripts/t-1", title: "Customer call", text: "Reconciliation takes our team two full weeks every month.", version: 1, attendees: ["Dana Reyes"] }],
};

const acme: CompetitorSnapshot = {
  id: "c-acme",
  name: "Acme Billing",
  website: "https://acme.example.com",
  positioning: "All-in-one billing for SaaS startups",
  strengths: "Huge integration catalogue",
  weaknesses: "",
  pricing_notes: "0.8% of revenue",
  threat_level: "medium",
  version: 7,
};

const vision: VisionSnapshot = {
  number: 3,
  statement: "Close the books in a day.",
  mission: "Make finance teams   boring again.",
  target_customers: "Mid-size retailers",
  principles: "",
  north_star_metric: "Days to close",
};

describe("persona draft → proposal", () => {
  const draft: PersonaDraft = personaDraftSchema.parse({
    name: "Fiona, finance admin",
    segment: "Finance admins at mid-size retailers",
    goals: ["Close the month in days", " "],
    pains: ["Manual reconciliation"],
    jobs_to_be_done: ["When the month ends, I want matched payments, so I can close"],
    quote: "I spend my month-end in spreadsheets.",
    evidence: [{ source: "T1", quote: "reconciliation takes our team two full weeks" }],
  });

  it("posts every persona field to the ordinary new-persona action, lists as one line each", () => {
    const proposal = personaProposal(SLUG, draft, personaSources(corpus));
    expect(proposal.action).toBe("/w/northwind/personas/new");
    expect(Object.fromEntries(proposal.fields.map((f) => [f.name, f.value]))).toEqual({
      name: "Fiona, finance admin",
      segment: "Finance admins at mid-size retailers",
      goals: "- Close the month in days",
      pains: "- Manual reconciliation",
      jobs_to_be_done: "- When the month ends, I want matched payments, so I can close",
      quote: "I spend my month-end in spreadsheets.",
    });
    expect(proposal.quote).toEqual({ text: "reconciliation takes our team two full weeks", found: true });
  });

  it("flags evidence the cited source does not contain", () => {
    const invented = { ...draft, evidence: [{ source: "P1", quote: "reconciliation takes our team two full weeks" }] };
    expect(personaProposal(SLUG, invented, personaSources(corpus)).quote?.found).toBe(false);
  });

  it("puts the user's hint in the task as quoted text, clipped", () => {
    expect(personaDrafter('finance admins "at" retailers').task).toBe('Draft one persona for: "finance admins \\"at\\" retailers".');
    expect(personaDrafter("x".repeat(500)).task.length).toBeLessThan(230);
  });
});

describe("competitor analysis → proposal", () => {
  const analysis: CompetitorAnalysis = competitorAnalysisSchema.parse({
    positioning: "Billing suite for SaaS startups moving up-market",
    strengths: ["Integrations", "Brand"],
    weaknesses: ["Reconciliation is an afterthought"],
    pricing_notes: "0.8% of revenue",
    threat_level: "high",
    threat_reason: "They target the same retailers",
    evidence: [{ source: "C0", quote: "0.8% of revenue" }],
  });

  it("saves over the competitor through its edit action, with the version it read and the fields it does not touch", () => {
    const proposal = competitorProposal(SLUG, acme, analysis, competitorSources(corpus, acme, "/w/northwind/competitors/c-acme"));
    expect(proposal.action).toBe("/w/northwind/competitors/c-acme/edit");
    expect(proposal.hidden).toEqual({ name: "Acme Billing", website: "https://acme.example.com", version: "7" });
    expect(proposal.fields.find((f) => f.name === "strengths")?.value).toBe("- Integrations\n- Brand");
    expect(proposal.fields.find((f) => f.name === "threat_level")?.value).toBe("high");
    expect(proposal.quote).toEqual({ text: "0.8% of revenue", found: true });
  });

  it("reads the competitor in full as C0, and not its clipped copy again", () => {
    const sources = competitorSources(corpus, acme, "/w/northwind/competitors/c-acme");
    expect(sources[0]).toMatchObject({ id: "C0", title: "Acme Billing" });
    expect(sources[0]?.text).toContain("Pricing notes: 0.8% of revenue");
    expect(sources.filter((s) => s.title === "Acme Billing")).toHaveLength(1);
    expect(sources.map((s) => s.title)).toContain("Contoso Ledger");
  });

  it("refuses a threat level the app does not know", () => {
    expect(competitorAnalysisSchema.safeParse({ ...analysis, threat_level: "extreme" }).success).toBe(false);
  });
});

describe("vision critique → findings and revision", () => {
  const critique: VisionCritique = visionCritiqueSchema.parse({
    critique: [
      { phrase: "make finance teams boring again", finding: "Not measurable", suggestion: "Name the outcome" },
      { phrase: "delight every user", finding: "Not in the vision", suggestion: "" },
    ],
    revision: {
      statement: "Every mid-size retailer closes its books in one day.",
      mission: "Automate reconciliation.",
      target_customers: "Finance teams at mid-size retailers",
      principles: "Accuracy over speed",
      north_star_metric: "Median days to close",
      rationale: "Makes the statement measurable",
    },
  });

  it("checks each point's phrase against the vision, whitespace and case aside", () => {
    expect(critiqueFindings(critique, visionText(vision)).map((p) => p.found)).toEqual([true, false]);
  });

  it("proposes the revision as a new version based on the one shown", () => {
    const proposal = visionRevisionProposal(SLUG, vision, critique);
    expect(proposal.action).toBe("/w/northwind/vision/edit");
    expect(proposal.hidden).toEqual({ version: "3" });
    expect(proposal.fields.map((f) => f.name)).toEqual(["statement", "mission", "target_customers", "principles", "north_star_metric"]);
    expect(proposal.fields[0]?.value).toBe("Every mid-size retailer closes its books in one day.");
  });

  it("reads the vision shown as V1, labelled, and no older copy", () => {
    const sources = visionSources(corpus, vision, "/w/northwind/vision");
    expect(sources[0]).toMatchObject({ id: "V1", kind: "vision" });
    expect(sources[0]?.text).toContain("North-star metric: Days to close");
    expect(sources.filter((s) => s.kind === "vision")).toHaveLength(1);
  });
});

describe("initiative one-pager → proposal", () => {
  const onePager: OnePager = onePagerSchema.parse({
    problem: "Finance admins match payments by hand.",
    proposed_solution: "Match bank lines to invoices automatically.",
    target_personas: [
      { handle: "P1", why: "Owns month-end" },
      { handle: "P9", why: "" },
    ],
    success_metrics: ["Days to close under 2"],
    risks: [],
    open_questions: ["Which banks first?"],
  });
  const initiative = { id: "i-recon", title: "Auto reconciliation", problem: "manual matching", description: "", version: 4 };

  it("writes Markdown sections, naming personas by handle and leaving empty sections out", () => {
    const markdown = onePagerMarkdown(onePager, initiativeSources(corpus, initiative, "/w/northwind/initiatives/i-recon"));
    expect(markdown).toBe(
      [
        "## Problem\n\nFinance admins match payments by hand.",
        "## Proposed solution\n\nMatch bank lines to invoices automatically.",
        "## Target personas\n\n- **Fiona, finance admin** — Owns month-end\n- **P9 (not a persona in this workspace)**",
        "## Success metrics\n\n- Days to close under 2",
        "## Open questions\n\n- Which banks first?",
      ].join("\n\n"),
    );
  });

  it("saves problem and description alone, over the version it read", () => {
    const proposal = onePagerProposal(SLUG, initiative, onePager, initiativeSources(corpus, initiative, "/w/northwind/initiatives/i-recon"));
    expect(proposal.action).toBe("/w/northwind/initiatives/i-recon/edit");
    expect(proposal.hidden).toEqual({ intent: "one-pager", version: "4" });
    expect(proposal.fields.map((f) => f.name)).toEqual(["problem", "description"]);
    expect(proposal.fields[1]?.value).toContain("## Success metrics");
  });

  it("reads the initiative as I0 and the other initiatives after it", () => {
    const sources = initiativeSources(corpus, initiative, "/w/northwind/initiatives/i-recon");
    expect(sources[0]).toMatchObject({ id: "I0", title: "Auto reconciliation" });
    expect(sources.filter((s) => s.title === "Auto reconciliation")).toHaveLength(1);
    expect(sources.find((s) => s.title === "CSV export")?.id).toBe("I1");
  });
});
