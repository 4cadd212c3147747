import { describe, expect, it } from "vitest";
import { estimateCost, estimateTokens, formatCost, priceOf } from "./pricing";

describe("the estimate shown before a run", () => {
  it("counts about four characters a token, rounding up", () => {
    expect(estimateTokens("")).toBe(0);
    expect(estimateTokens("abc")).toBe(1);
    expect(estimateTokens("abcd")).toBe(1);
    expect(estimateTokens("abcde")).toBe(2);
    expect(estimateTokens("x".repeat(40_000))).toBe(10_000);
  });

  it("prices input and output tokens at the model's list price per million", () => {
    // gpt-4.1-mini: $0.40 in, $1.60 out per million tokens.
    expect(estimateCost("gpt-4.1-mini", 1_000_000, 0)).toBeCloseTo(0.4, 10);
    expect(estimateCost("gpt-4.1-mini", 10_000, 1_500)).toBeCloseTo(0.004 + 0.0024, 10);
    // claude-sonnet-4-5: $3 in, $15 out.
    expect(estimateCost("claude-sonnet-4-5", 20_000, 2_000)).toBeCloseTo(0.06 + 0.03, 10);
  });

  it("knows a model under its dated snapshot name and under a router's or Gemini's prefixed name", () => {
    expect(priceOf("claude-sonnet-4-5-20250929")).toEqual(priceOf("claude-sonnet-4-5"));
    expect(priceOf("gpt-4.1-mini-2025-04-14")).toEqual(priceOf("gpt-4.1-mini"));
    expect(priceOf("openai/gpt-4o-mini")).toEqual(priceOf("gpt-4o-mini"));
    expect(priceOf("models/gemini-2.5-flash")).toEqual(priceOf("gemini-2.5-flash"));
    expect(priceOf("gpt-4.1-mini")).not.toBeNull();
  });

  it("gives no cost for a model it has no price for, such as a local one", () => {
    expect(priceOf("llama3.2")).toBeNull();
    expect(estimateCost("llama3.2", 10_000, 1_000)).toBeNull();
    expect(estimateCost("", 10_000, 1_000)).toBeNull();
  });
});

describe("formatting a cost", () => {
  it.each([
    [null, "cost unknown for this model"],
    [0, "under $0.01"],
    [0.0049, "under $0.01"],
    [0.01, "$0.01"],
    [0.0151, "$0.02"],
    [1.5, "$1.50"],
    [12.345, "$12.35"],
  ])("%s → %s", (dollars, shown) => {
    expect(formatCost(dollars)).toBe(shown);
  });
});
