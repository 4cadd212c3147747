import { describe, expect, it } from "vitest";
import { computeScore, describeScore, formatScoreValue, frameworkInputs, isOnScale, missingHint, SCORE_INPUTS } from "./scoring";

describe("RICE = reach × impact × confidence ÷ effort", () => {
  it("computes the score and shows it with its inputs", () => {
    const score = computeScore("rice", { reach: 2000, impact: 2, confidence: 80, effort: 76 });
    expect(score.value).toBeCloseTo(42.105, 3);
    expect(describeScore(score)).toBe("RICE 42 = 2,000 × 2 × 80% ÷ 76");
  });

  it("waits for a missing input and says which, never NaN or Infinity", () => {
    const score = computeScore("rice", { reach: 2000, impact: 2, confidence: 80 });
    expect(score.value).toBeNull();
    expect(score.display).toBe("—");
    expect(describeScore(score)).toBe("RICE — needs effort");
    expect(missingHint(computeScore("rice", {}))).toBe("needs reach, impact, confidence and effort");
    expect(missingHint(computeScore("rice", { impact: 1, confidence: 50 }))).toBe("needs reach and effort");
  });

  it("treats an effort of 0 (a stored or imported mistake) as missing rather than dividing by it", () => {
    const score = computeScore("rice", { reach: 10, impact: 1, confidence: 100, effort: 0 });
    expect(score.value).toBeNull();
    expect(missingHint(score)).toBe("needs effort");
  });

  it("treats values off the scale as missing", () => {
    expect(computeScore("rice", { reach: 10, impact: 5, confidence: 100, effort: 1 }).value).toBeNull();
    expect(computeScore("rice", { reach: 10, impact: 1, confidence: 150, effort: 1 }).value).toBeNull();
    expect(computeScore("rice", { reach: Number.NaN, impact: 1, confidence: 100, effort: 1 }).value).toBeNull();
  });

  it("accepts a reach of 0: a score of 0 is a score", () => {
    expect(describeScore(computeScore("rice", { reach: 0, impact: 3, confidence: 100, effort: 2 }))).toBe("RICE 0 = 0 × 3 × 100% ÷ 2");
  });
});

describe("WSJF = (business value + time criticality + risk reduction) ÷ job size", () => {
  it("computes the cost of delay over job size", () => {
    const score = computeScore("wsjf", { business_value: 8, time_criticality: 5, risk_reduction: 3, job_size: 5 });
    expect(score.value).toBeCloseTo(3.2);
    expect(describeScore(score)).toBe("WSJF 3.2 = (8 + 5 + 3) ÷ 5");
  });

  it("ignores RICE and ICE inputs and names its own missing ones", () => {
    const score = computeScore("wsjf", { reach: 100, impact: 2, confidence: 80, effort: 1, business_value: 8 });
    expect(describeScore(score)).toBe("WSJF — needs time criticality, risk reduction and job size");
  });
});

describe("ICE = impact × confidence × ease", () => {
  it("multiplies three 1–10 ratings", () => {
    expect(describeScore(computeScore("ice", { ice_impact: 8, ice_confidence: 6, ease: 5 }))).toBe("ICE 240 = 8 × 6 × 5");
  });

  it("does not read RICE's impact and confidence, whose scales differ", () => {
    expect(describeScore(computeScore("ice", { impact: 2, confidence: 80, ease: 5 }))).toBe("ICE — needs impact and confidence");
  });
});

describe("scales", () => {
  it.each([
    ["impact", 0.25, true],
    ["impact", 3, true],
    ["impact", 1.5, false],
    ["confidence", 0, true],
    ["confidence", 100, true],
    ["confidence", 101, false],
    ["effort", 0.5, true],
    ["effort", 0, false],
    ["effort", -1, false],
    ["reach", 12.5, false],
    ["job_size", 13, true],
    ["job_size", 4, false],
    ["business_value", 20, true],
    ["ease", 10, true],
    ["ease", 11, false],
    ["ice_impact", 0, false],
    ["ice_confidence", 7.5, false],
  ] as const)("%s %d is %s", (name, value, ok) => {
    expect(isOnScale(SCORE_INPUTS[name], value)).toBe(ok);
  });

  it("lists each framework's inputs in formula order", () => {
    expect(frameworkInputs("rice").map((i) => i.name)).toEqual(["reach", "impact", "confidence", "effort"]);
    expect(frameworkInputs("wsjf").map((i) => i.name)).toEqual(["business_value", "time_criticality", "risk_reduction", "job_size"]);
    expect(frameworkInputs("ice").map((i) => i.name)).toEqual(["ice_impact", "ice_confidence", "ease"]);
  });

  it("rounds scores for reading: whole above 10, one decimal above 1, two below", () => {
    expect(formatScoreValue(12345.6)).toBe("12,346");
    expect(formatScoreValue(3.25)).toBe("3.3");
    expect(formatScoreValue(0.104)).toBe("0.1");
    expect(formatScoreValue(0.0123)).toBe("0.01");
  });
});
