import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as dates from "./dates";
import { formatDate, formatDateTime, formatDaysAgo, formatTimeAgo, Time } from "./dates";

// One minute past midnight UTC on 1 October: still 30 September in America, already the afternoon
// of 1 October in Kiribati. Whatever the machine's zone, every format must name 1 October.
const JUST_AFTER_MIDNIGHT = "2026-10-01T00:01:00.000Z";
const now = Date.parse("2026-10-01T00:30:00Z");

describe("dates", () => {
  it("prints a calendar date as day, short month and year, with our own month names", () => {
    expect(formatDate("2026-09-30")).toBe("30 Sep 2026");
    expect(formatDate("2026-01-01")).toBe("1 Jan 2026");
    expect(formatDate(new Date("2026-09-30T12:00:00Z"))).toBe("30 Sep 2026");
    expect(formatDate(JUST_AFTER_MIDNIGHT)).toBe("1 Oct 2026");
    expect(formatDate("2026-09-30T23:59:59.999Z")).toBe("30 Sep 2026");
    expect(formatDate(Date.parse("2026-12-31T23:59:00Z"))).toBe("31 Dec 2026");
  });

  it("takes a calendar date as the day it names, and an instant as its day in UTC", () => {
    // A day is not shifted by any zone; an instant with an offset is read in UTC.
    expect(formatDate("2026-11-23")).toBe("23 Nov 2026");
    expect(formatDate("2026-11-23T01:00:00+02:00")).toBe("22 Nov 2026");
  });

  it("prints a date and time on a 24-hour clock in UTC, saying so", () => {
    expect(formatDateTime("2026-11-23T04:13:00Z")).toBe("23 Nov 2026, 04:13 UTC");
    expect(formatDateTime(JUST_AFTER_MIDNIGHT)).toBe("1 Oct 2026, 00:01 UTC");
    expect(formatDateTime(new Date("2026-09-30T23:59:00Z"))).toBe("30 Sep 2026, 23:59 UTC");
    expect(formatDateTime("2026-09-30T17:05:00-07:00")).toBe("1 Oct 2026, 00:05 UTC");
  });

  it("tells a recent moment relative to now, then falls back to its date after a week", () => {
    const ago = (seconds: number) => new Date(now - seconds * 1000);
    expect(formatTimeAgo(ago(10), now)).toBe("just now");
    expect(formatTimeAgo(ago(50), now)).toBe("1 minute ago");
    expect(formatTimeAgo(ago(29 * 60), now)).toBe("29 minutes ago");
    expect(formatTimeAgo(ago(60 * 60), now)).toBe("1 hour ago");
    expect(formatTimeAgo(ago(3 * 60 * 60), now)).toBe("3 hours ago");
    expect(formatTimeAgo(ago(24 * 60 * 60), now)).toBe("yesterday");
    expect(formatTimeAgo(ago(6 * 24 * 60 * 60), now)).toBe("6 days ago");
    expect(formatTimeAgo(ago(8 * 24 * 60 * 60), now)).toBe("23 Sep 2026");
    // A clock a little ahead of the server's is "just now", not the future.
    expect(formatTimeAgo(new Date(now + 5000), now)).toBe("just now");
  });

  it("counts days ago in whole calendar days (UTC), so a minute before midnight is yesterday", () => {
    expect(formatDaysAgo(JUST_AFTER_MIDNIGHT, now)).toBe("today");
    expect(formatDaysAgo("2026-09-30T23:59:00Z", now)).toBe("yesterday");
    expect(formatDaysAgo("2026-09-27T12:00:00Z", now)).toBe("4 days ago");
    // A clock a little ahead of ours is still today, not "tomorrow".
    expect(formatDaysAgo("2026-10-02T01:00:00Z", now)).toBe("today");
  });

  it("marks up a date as <time> with a machine-readable value, and a relative one with its exact time", () => {
    expect(renderToStaticMarkup(<Time value="2026-09-30" />)).toBe('<time dateTime="2026-09-30">30 Sep 2026</time>');
    expect(renderToStaticMarkup(<Time value={new Date(JUST_AFTER_MIDNIGHT)} show="date-time" />)).toBe(
      '<time dateTime="2026-10-01T00:01:00.000Z">1 Oct 2026, 00:01 UTC</time>',
    );
    expect(renderToStaticMarkup(<Time value={JUST_AFTER_MIDNIGHT} show="time-ago" now={now} className="text-xs" />)).toBe(
      '<time dateTime="2026-10-01T00:01:00.000Z" title="1 Oct 2026, 00:01 UTC" class="text-xs">29 minutes ago</time>',
    );
    expect(renderToStaticMarkup(<Time value="2026-09-30T23:59:00Z" show="days-ago" now={now} />)).toBe(
      '<time dateTime="2026-09-30T23:59:00.000Z" title="30 Sep 2026">yesterday</time>',
    );
  });

  it("prints the same words whatever the time zone of the process (server or browser)", () => {
    const calls: Array<[keyof typeof dates, unknown[]]> = [
      ["formatDate", [JUST_AFTER_MIDNIGHT]],
      ["formatDate", ["2026-09-30T23:59:00Z"]],
      ["formatDate", ["2026-09-30"]],
      ["formatDateTime", [JUST_AFTER_MIDNIGHT]],
      ["formatTimeAgo", [JUST_AFTER_MIDNIGHT, now]],
      ["formatTimeAgo", ["2026-09-20T23:59:00Z", now]],
      ["formatDaysAgo", ["2026-09-30T23:59:00Z", now]],
      ["formatDaysAgo", [JUST_AFTER_MIDNIGHT, now]],
    ];
    const expected = ["1 Oct 2026", "30 Sep 2026", "30 Sep 2026", "1 Oct 2026, 00:01 UTC", "29 minutes ago", "20 Sep 2026", "yesterday", "today"];
    const here = calls.map(([name, args]) => (dates[name] as (...values: unknown[]) => string)(...args));
    expect(here).toEqual(expected);

    // A fresh process per zone (and a German default locale): the zone is read when the process starts.
    const module = pathToFileURL(resolve(import.meta.dirname, "dates.tsx")).href;
    const script = `const dates = await import(${JSON.stringify(module)});
      const calls = ${JSON.stringify(calls)};
      process.stdout.write(JSON.stringify(calls.map(([name, args]) => dates[name](...args))));`;
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"]) {
      const env = { ...process.env, TZ: zone, LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" };
      const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], { env, encoding: "utf8" });
      expect(JSON.parse(output), zone).toEqual(expected);
    }
  });
});
