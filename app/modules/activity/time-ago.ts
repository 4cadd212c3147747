const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * "5 minutes ago", "yesterday", then a date. `now` comes from the loader, so that the server's
 * render and the browser's hydration print the same words.
 */
export function timeAgo(date: Date | string, now: number): string {
  const then = new Date(date);
  const seconds = Math.round((now - then.getTime()) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 60 * 60) return relative.format(-Math.round(seconds / 60), "minute");
  if (seconds < 24 * 60 * 60) return relative.format(-Math.round(seconds / (60 * 60)), "hour");
  if (seconds < 7 * 24 * 60 * 60) return relative.format(-Math.round(seconds / (24 * 60 * 60)), "day");
  return absolute.format(then);
}

/** A calendar date ("2026-11-23") as people read it. */
export function formatDay(day: string): string {
  return absolute.format(new Date(`${day}T00:00:00Z`));
}
