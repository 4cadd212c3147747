const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "30 Sep 2026" from "2026-09-30" (or a timestamp). Written by hand: Node's and browsers' ICU data
 * disagree ("Sept" vs "Sep"), and the server's text must match what the browser hydrates.
 */
export function formatDate(date: string | Date) {
  const [year, month, day] = (typeof date === "string" ? date : date.toISOString()).slice(0, 10).split("-").map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
}
