import { describe, expect, it } from "vitest";
import { absoluteTime, lastSeenDay } from "./session-times";

const now = Date.parse("2026-11-23T04:13:00Z");

describe("session times", () => {
  it("tells the last activity in calendar days (UTC), since it is recorded about once a day", () => {
    expect(lastSeenDay("2026-11-23T00:01:00Z", now)).toBe("today");
    expect(lastSeenDay("2026-11-22T23:59:00Z", now)).toBe("yesterday");
    expect(lastSeenDay("2026-11-19T12:00:00Z", now)).toBe("4 days ago");
    // A clock a little ahead of ours is still today, not "tomorrow".
    expect(lastSeenDay("2026-11-24T01:00:00Z", now)).toBe("today");
  });

  it("prints an absolute time in UTC, the same on the server and in any browser", () => {
    expect(absoluteTime(new Date(now))).toBe("23 Nov 2026, 04:13 UTC");
  });
});
