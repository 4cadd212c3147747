const absolute = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const relativeDays = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const DAY = 24 * 60 * 60 * 1000;

/** "23 Nov 2026, 04:13 UTC": the same words on the server and in the browser. */
export function absoluteTime(date: Date | string): string {
  return `${absolute.format(new Date(date))} UTC`;
}

export function absoluteDay(date: Date | string): string {
  return day.format(new Date(date));
}

/**
 * A session's last activity is written at most once a day (session.server.ts, sliding expiry), so
 * it is told in days: "today", "yesterday", "3 days ago". Anything finer would be made up.
 */
export function lastSeenDay(date: Date | string, now: number): string {
  const days = Math.max(0, Math.floor((startOfDay(now) - startOfDay(new Date(date).getTime())) / DAY));
  return relativeDays.format(-days, "day");
}

function startOfDay(time: number): number {
  return time - (time % DAY);
}
