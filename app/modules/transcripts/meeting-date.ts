const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2026-11-23" → "23 Nov 2026". A calendar date, not an instant: formatted by hand so the server
 * and every browser, whatever their time zone or locale data, print the same day.
 */
export function formatMeetingDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return date;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
