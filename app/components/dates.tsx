/**
 * Every date and time a person reads in Bearing, one format per kind of value:
 *   formatDate       "30 Sep 2026"               a calendar day, or the day of an instant
 *   formatDateTime   "30 Sep 2026, 04:13 UTC"    an instant
 *   formatTimeAgo    "3 hours ago"               a recent instant, then its date after a week
 *   formatDaysAgo    "yesterday"                 an instant known only to the day
 * (Roadmap quarters, "2026-Q3", are text with their own rules in modules/roadmap/quarters.ts.)
 *
 * The server renders these and the browser hydrates them, so both must print the very same
 * characters. Hence no Intl and no local time: ICU versions disagree on month names (en-GB is
 * "Sept" in Node 20 and today's Chromium, "Sep" in older data), and a date without a time zone
 * is a different day on a server in UTC and a browser in California. Bearing has no per-user
 * time zone, so everything is UTC, and a time says so. The order is British (day, month, year;
 * 24-hour clock): unambiguous beside a month name, and what most pages printed already.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calendar day ("2026-09-30", as PostgreSQL `date` columns arrive) or an instant. */
export type DateValue = Date | string | number;

function utcFields(value: DateValue) {
  const day = typeof value === "string" ? CALENDAR_DAY.exec(value) : null;
  if (day) return { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hours: 0, minutes: 0 };
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hours: date.getUTCHours(), minutes: date.getUTCMinutes() };
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** "30 Sep 2026". A calendar day is printed as the day it names; an instant as its day in UTC. */
export function formatDate(value: DateValue): string {
  const { year, month, day } = utcFields(value);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "30 Sep 2026, 04:13 UTC". */
export function formatDateTime(value: DateValue): string {
  const { hours, minutes } = utcFields(value);
  return `${formatDate(value)}, ${twoDigits(hours)}:${twoDigits(minutes)} UTC`;
}

const ago = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"} ago`;

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "6 days ago", then the date. `now`
 * comes from the loader, so that the server's render and the browser's hydration agree.
 */
export function formatTimeAgo(value: DateValue, now: number): string {
  const seconds = Math.round((now - new Date(value).getTime()) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < HOUR) return ago(Math.round(seconds / MINUTE), "minute");
  if (seconds < DAY) return ago(Math.round(seconds / HOUR), "hour");
  if (seconds < 7 * DAY) return Math.round(seconds / DAY) === 1 ? "yesterday" : ago(Math.round(seconds / DAY), "day");
  return formatDate(value);
}

/**
 * "today", "yesterday", "3 days ago", counted in UTC calendar days: for a moment recorded only
 * about once a day (a session's last activity), where anything finer would be made up.
 */
export function formatDaysAgo(value: DateValue, now: number): string {
  const startOfDay = (time: number) => time - (time % (DAY * 1000));
  const days = Math.max(0, Math.floor((startOfDay(now) - startOfDay(new Date(value).getTime())) / (DAY * 1000)));
  if (days === 0) return "today";
  return days === 1 ? "yesterday" : ago(days, "day");
}

type TimeProps = { value: DateValue; className?: string } & ({ show?: "date" | "date-time" } | { show: "time-ago" | "days-ago"; now: number });

/**
 * A date as `<time>`, with its machine-readable value; a relative one carries what it stands for
 * as its title ("3 hours ago" → "23 Nov 2026, 04:13 UTC").
 */
export function Time(props: TimeProps) {
  const { value, className } = props;
  const dateTime = typeof value === "string" && CALENDAR_DAY.test(value) ? value : new Date(value).toISOString();
  switch (props.show) {
    case "time-ago":
      return (
        <time dateTime={dateTime} title={formatDateTime(value)} className={className}>
          {formatTimeAgo(value, props.now)}
        </time>
      );
    case "days-ago":
      return (
        <time dateTime={dateTime} title={formatDate(value)} className={className}>
          {formatDaysAgo(value, props.now)}
        </time>
      );
    default:
      return (
        <time dateTime={dateTime} className={className}>
          {props.show === "date-time" ? formatDateTime(value) : formatDate(value)}
        </time>
      );
  }
}
