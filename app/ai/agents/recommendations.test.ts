import { describe, expect, it } from "vitest";
import type { WorkspaceCorpus } from "../workspace-corpus";
import { nearestImpact, recommendationProposals } from "./recommendation-proposals";
import { recommendationSources, recommendationsSchema, type Recommendations } from "./recommendations";

const corpus: WorkspaceCorpus = {
  vision: { url: "/w/acme/vision", number: 2, text: "Small merchants get paid the same day." },
  personas: [{ id: "persona-priya", url: "/w/acme/personas/persona-priya", title: "Priya, payments lead", text: "Pains: chasing failed payouts every morning" }],
  competitors: [],
  initiatives: [
    {
      id: "initiative-retries",
      url: "/w/acme/initiatives/initiative-retries",
      title: "Instant payout retries",
      text: "Problem: Failed payouts wait a day for the nightly batch",
      status: "discovery",
      version: 4,
      rice: { reach: null, impact: 2, confidence: 80, effort: null },
    },
  ],
  roadmap: [
    { id: "item-retries", url: "/w/acme/roadmap/item-retries", title: "Payout retries", text: "Lane: later", lane: "later", initiativeId: "initiative-retries" },
  ],
  risks: [],
  transcripts: [],
};

const sources = recommendationSources(corpus);
const nothing: Recommendations = { estimates: [], sequencing: [], gaps: [] };

const estimate = {
  initiative: "I1",
  reach: 1200,
  reachReason: "About 1,200 merchants see a failed payout each quarter.",
  impact: 1.9,
  impactReason: "Same-day money is the vision.",
  confidence: 70,
  confidenceReason: "No research yet.",
  effort: 2.04,
  effortReason: "One team for two months.",
  cites: ["I1", "V1"],
  quote: "Failed payouts wait a day",
};

describe("recommendation sources", () => {
  it("show the model each initiative's status and current RICE inputs, and each roadmap item's initiative handle", () => {
    expect(sources.map((source) => source.id)).toEqual(["V1", "P1", "I1", "M1"]);
    const initiative = sources.find((source) => source.id === "I1")!;
    expect(initiative.text).toContain("Status: discovery");
    expect(initiative.text).toContain("Current RICE inputs: reach missing, impact 2, confidence 80%, effort missing");
    expect(sources.find((source) => source.id === "M1")!.text).toContain("Initiative: I1");
  });
});

describe("recommendation proposals", () => {
  it("turns a RICE estimate into a scores-only update of that initiative over the version the model saw", () => {
    const review = recommendationProposals("acme", corpus, sources, { ...nothing, estimates: [estimate] });
    expect(review.notes).toEqual([]);
    const [proposal] = review.estimates;
    expect(proposal).toMatchObject({
      title: "Instant payout retries",
      action: "/w/acme/initiatives/initiative-retries/edit",
      hidden: { intent: "scores", version: "4" },
      quote: { text: "Failed payouts wait a day", found: true },
    });
    // Impact lands on the RICE scale; effort is kept to one decimal.
    expect(Object.fromEntries(proposal!.fields.map((field) => [field.name, field.value]))).toEqual({ reach: "1200", impact: "2", confidence: "70", effort: "2" });
  });

  it("moves a roadmap item through the roadmap's own move-to-lane action, and notes advice that moves nothing", () => {
    const review = recommendationProposals("acme", corpus, sources, {
      ...nothing,
      sequencing: [
        { item: "M1", lane: "now", reason: "The vision is same-day payouts.", cites: ["V1", "M1"], quote: "paid within the hour" },
        { item: "M1", lane: "later", reason: "Keep it.", cites: ["M1"], quote: "" },
      ],
    });
    expect(review.sequencing).toHaveLength(1);
    expect(review.sequencing[0]).toMatchObject({
      title: "Payout retries",
      action: "/w/acme/roadmap?index",
      hidden: { intent: "move-to-lane", id: "item-retries" },
      fields: [{ name: "lane", value: "now" }],
      // The quote is not in what was cited: shown, flagged.
      quote: { text: "paid within the hour", found: false },
    });
    expect(review.notes).toEqual(["“Payout retries” stays in Later: nothing to move."]);
  });

  it("proposes a gap as a new idea linked to the first persona it cites", () => {
    const gap = { title: "Payout status page", problem: "Merchants cannot see where their money is.", why: "Priya chases payouts.", cites: ["V1", "P1"], quote: "chasing failed payouts" };
    const [proposal] = recommendationProposals("acme", corpus, sources, { ...nothing, gaps: [gap] }).gaps;
    expect(proposal).toMatchObject({ action: "/w/acme/initiatives/new", hidden: { status: "idea", personas: "persona-priya" }, quote: { found: true } });
    expect(proposal!.fields.map((field) => [field.name, field.value])).toEqual([
      ["title", "Payout status page"],
      ["problem", "Merchants cannot see where their money is."],
      ["description", "Priya chases payouts."],
    ]);
  });

  it("drops, with a note each, proposals naming a handle that was never sent or is of another kind", () => {
    const review = recommendationProposals("acme", corpus, sources, {
      estimates: [
        { ...estimate, initiative: "I7" },
        { ...estimate, initiative: "P1" },
        { ...estimate, cites: ["I1", "R3"] },
        { ...estimate, effort: 0 },
      ],
      sequencing: [{ item: "I1", lane: "now", reason: "", cites: ["I1"], quote: "" }],
      gaps: [{ title: "Invented", problem: "", why: "", cites: ["P4"], quote: "" }],
    });
    expect([...review.estimates, ...review.sequencing, ...review.gaps]).toEqual([]);
    expect(review.notes).toEqual([
      "A RICE estimate for “I7” was left out: no initiative has that handle.",
      "A RICE estimate for “P1” was left out: no initiative has that handle.",
      "The RICE estimate for “Instant payout retries” was left out: it cites unknown handles (R3).",
      "The RICE estimate for “Instant payout retries” was left out: its effort is not more than 0.",
      "A lane change for “I1” was left out: no roadmap item has that handle.",
      "The gap “Invented” was left out: it cites unknown handles (P4).",
    ]);
  });

  it("drops an item the character budget kept from the model, though it is in the workspace", () => {
    const sent = sources.filter((source) => source.id !== "I1");
    const review = recommendationProposals("acme", corpus, sent, { ...nothing, estimates: [{ ...estimate, cites: ["V1"] }] });
    expect(review.estimates).toEqual([]);
    expect(review.notes).toEqual(["A RICE estimate for “I1” was left out: no initiative has that handle."]);
  });

  it("snaps impact to the nearest value on Intercom's scale", () => {
    expect([3.4, 2.2, 0.9, 0.6, 0.3, 0].map(nearestImpact)).toEqual([3, 2, 1, 0.5, 0.25, 0.25]);
  });

  it("validates a model answer against the schema before anything is offered", () => {
    expect(recommendationsSchema.safeParse({ estimates: [estimate], sequencing: [], gaps: [] }).success).toBe(true);
    expect(recommendationsSchema.safeParse({ estimates: [{ ...estimate, confidence: 140 }], sequencing: [], gaps: [] }).success).toBe(false);
    expect(recommendationsSchema.safeParse({ estimates: [], sequencing: [{ item: "M1", lane: "soon", reason: "", cites: ["M1"], quote: "" }], gaps: [] }).success).toBe(false);
  });
});
