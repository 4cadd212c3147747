// Quarters are stored as "2026-Q3" (PRODUCT.md §3). Arithmetic happens on a running index
// (year × 4 + quarter − 1) so spans and ranges stay simple and exact.

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function quarterIndex(quarter: string): number {
  const match = QUARTER.exec(quarter);
  if (!match) throw new Error(`Not a quarter: ${quarter}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

function quarterAt(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter a date falls in, in UTC (the server and every browser agree on it). */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Every quarter from `from` to `to`, both included. */
export function quarterRange(from: string, to: string): string[] {
  const quarters: string[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) quarters.push(quarterAt(i));
  return quarters;
}

/** "2026-Q1", "2026-Q1 – Q3" or "2026-Q4 – 2027-Q2". */
export function formatQuarters(start: string | null | undefined, end: string | null | undefined): string | null {
  if (!start) return null;
  if (!end || end === start) return start;
  return start.slice(0, 4) === end.slice(0, 4) ? `${start} – ${end.slice(5)}` : `${start} – ${end}`;
}

/**
 * The columns of a timeline: the whole year of `today` at least, widened to every quarter an item
 * starts or ends in.
 */
export function timelineQuarters(items: ReadonlyArray<{ start_quarter: string | null; end_quarter: string | null }>, today: Date): string[] {
  const year = today.getUTCFullYear();
  let first = quarterIndex(`${year}-Q1`);
  let last = quarterIndex(`${year}-Q4`);
  for (const item of items) {
    if (!item.start_quarter) continue;
    first = Math.min(first, quarterIndex(item.start_quarter));
    last = Math.max(last, quarterIndex(item.end_quarter ?? item.start_quarter));
  }
  return quarterRange(quarterAt(first), quarterAt(last));
}

/** Quarters offered as suggestions in forms: last year to three years ahead. */
export function suggestedQuarters(today: Date): string[] {
  const year = today.getUTCFullYear();
  return quarterRange(`${year - 1}-Q1`, `${year + 3}-Q4`);
}
