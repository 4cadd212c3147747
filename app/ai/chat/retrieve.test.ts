import { describe, expect, it } from "vitest";
import type { DataSource } from "../prompt";
import { buildSourceIndex, excerpt, rankSources, retrieveSources, tokenize } from "./retrieve";

const item = (id: string, kind: string, title: string, text: string): DataSource => ({ id, kind, title, text, url: `/w/acme/${id}` });

const CORPUS = [
  item("I1", "initiative", "One-tap checkout", "Cut checkout to a single tap for returning customers. Target: 2026-Q3"),
  item("I2", "initiative", "Fraud scoring v2", "Score every payment for fraud before capture; fewer chargebacks."),
  item("R1", "risk", "Card network certification slips", "Likelihood 3/5, impact 4/5, open\nThe card network may delay certification of one-tap checkout."),
  item("M1", "roadmap item", "Payout reconciliation", "Lane: now\nAutomatic reconciliation of payouts against bank statements."),
  item("T1", "meeting transcript", "Weekly product sync", "Meeting on 2026-11-02\nAna: the pricing page needs work.\nBo: agreed, pricing is confusing."),
  item("P1", "persona", "Small merchant", "Runs a shop alone. Pains: slow payouts, confusing pricing."),
];

const ids = (sources: readonly DataSource[]) => sources.map((source) => source.id);

describe("tokenize", () => {
  it("lower-cases, drops stopwords and accents, and folds common endings together", () => {
    expect(tokenize("What are the Risks of planned Payouts?")).toEqual(["risk", "plan", "payout"]);
    expect(tokenize("planning plans planned")).toEqual(["plan", "plan", "plan"]);
    expect(tokenize("Café déjà-vu")).toEqual(["cafe", "deja", "vu"]);
    expect(tokenize("Q3 2026 priorities")).toEqual(["q3", "2026", "priority"]);
  });
});

describe("rankSources", () => {
  const index = buildSourceIndex(CORPUS);

  it("puts the item whose title names the words first, and leaves out items that share none", () => {
    const ranked = rankSources(index, "fraud chargebacks");
    expect(ids(ranked.map((entry) => entry.source))).toEqual(["I2"]);
  });

  it("ranks a title match above a passing mention in the text", () => {
    const ranked = rankSources(index, "one-tap checkout").map((entry) => entry.source.id);
    expect(ranked).toEqual(["I1", "R1"]);
  });

  it("weighs a rare word above a common one", () => {
    // "pricing" is in two items, "merchant" in one: the merchant persona wins.
    const ranked = rankSources(index, "merchant pricing").map((entry) => entry.source.id);
    expect(ranked[0]).toBe("P1");
    expect(ranked).toContain("T1");
  });

  it("matches the kind of item, so a question about risks finds the risks", () => {
    expect(rankSources(index, "which risks do we have")[0]!.source.id).toBe("R1");
  });
});

describe("retrieveSources", () => {
  const index = buildSourceIndex(CORPUS);

  it("returns at most the limit, best first, and says it matched", () => {
    const result = retrieveSources(index, "checkout pricing payouts", { limit: 2 });
    expect(result.matched).toBe(true);
    expect(result.sources).toHaveLength(2);
  });

  it("fills up with the earlier questions' matches, after the question's own, for follow-ups", () => {
    const followUp = retrieveSources(index, "and how likely is it?", { earlierQuestions: ["card network certification"] });
    expect(ids(followUp.sources)).toEqual(["R1"]);
    // A new topic's own matches come first.
    const both = retrieveSources(index, "fraud", { earlierQuestions: ["card network certification"] });
    expect(ids(both.sources)).toEqual(["I2", "R1"]);
  });

  it("falls back to the workspace's first items, saying so, when no word matches", () => {
    const result = retrieveSources(index, "zebra crossing", { limit: 3 });
    expect(result).toEqual({ matched: false, sources: CORPUS.slice(0, 3) });
  });

  it("returns nothing for an empty workspace", () => {
    expect(retrieveSources(buildSourceIndex([]), "anything at all")).toEqual({ matched: false, sources: [] });
  });
});

describe("excerpt", () => {
  const lines = Array.from({ length: 60 }, (_, n) => `Line ${n}: ${n === 41 ? "the pricing page converts badly" : "small talk about the weather"}`);
  const transcript = ["Meeting on 2026-11-02", ...lines].join("\n");

  it("keeps a short text whole", () => {
    expect(excerpt("short text", new Set(["pricing"]))).toBe("short text");
  });

  it("keeps the first line and the lines that mention the question's words, marking what was left out", () => {
    const cut = excerpt(transcript, new Set(tokenize("pricing")), 200);
    expect(cut).toBe(["Meeting on 2026-11-02", "…", "Line 41: the pricing page converts badly", "…"].join("\n"));
  });

  it("fills the budget from the start when nothing matches", () => {
    const cut = excerpt(transcript, new Set(["zebra"]), 120);
    expect(cut.startsWith("Meeting on 2026-11-02\nLine 0:")).toBe(true);
    expect(cut.endsWith("\n…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(130);
  });
});
