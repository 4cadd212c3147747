import { describe, expect, it } from "vitest";
import { formatQuarters, quarterOf, quarterRange, timelineQuarters } from "./quarters";

describe("quarters", () => {
  it("knows which quarter a day falls in", () => {
    expect(quarterOf(new Date("2026-03-31T23:59:59Z"))).toBe("2026-Q1");
    expect(quarterOf(new Date("2026-04-01T00:00:00Z"))).toBe("2026-Q2");
    expect(quarterOf(new Date("2026-12-31T12:00:00Z"))).toBe("2026-Q4");
  });

  it("lists the quarters between two, across years", () => {
    expect(quarterRange("2026-Q3", "2027-Q2")).toEqual(["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"]);
    expect(quarterRange("2026-Q2", "2026-Q2")).toEqual(["2026-Q2"]);
  });

  it("spans the timeline over the current year at least, widened to every item", () => {
    const today = new Date("2026-11-23T00:00:00Z");
    expect(timelineQuarters([], today)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    const items = [
      { start_quarter: "2025-Q4", end_quarter: null },
      { start_quarter: "2027-Q1", end_quarter: "2027-Q3" },
      { start_quarter: null, end_quarter: null },
    ];
    expect(timelineQuarters(items, today)).toEqual(quarterRange("2025-Q4", "2027-Q3"));
  });

  it("reads spans the short way", () => {
    expect(formatQuarters(null, null)).toBeNull();
    expect(formatQuarters("2026-Q1", null)).toBe("2026-Q1");
    expect(formatQuarters("2026-Q1", "2026-Q1")).toBe("2026-Q1");
    expect(formatQuarters("2026-Q1", "2026-Q3")).toBe("2026-Q1 – Q3");
    expect(formatQuarters("2026-Q4", "2027-Q2")).toBe("2026-Q4 – 2027-Q2");
  });
});
