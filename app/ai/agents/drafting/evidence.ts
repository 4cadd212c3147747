import { z } from "zod";
import { sourceById } from "../../corpus-sources";
import { quoteAppearsIn, type DataSource } from "../../prompt";

/** A passage of the workspace data a draft is grounded in, cited by its handle. */
export const evidenceSchema = z.object({
  source: z.string().describe("The handle of the workspace_data element, e.g. T1"),
  quote: z.string().describe("An exact passage from it"),
});

export type Evidence = z.infer<typeof evidenceSchema>;

/** The first cited passage, flagged when it is not really in the source the model named. */
export function firstQuote(evidence: readonly Evidence[], sources: readonly DataSource[]): { text: string; found: boolean } | undefined {
  const first = evidence[0];
  if (!first) return undefined;
  const source = sourceById(sources, first.source);
  return { text: first.quote, found: Boolean(source && quoteAppearsIn(first.quote, source.text)) };
}

/** The titles of the cited sources, for "grounded in" lines; unknown handles are left out. */
export function citedTitles(evidence: readonly Evidence[], sources: readonly DataSource[]): string[] {
  const titles = evidence.map((e) => sourceById(sources, e.source)).flatMap((source) => (source ? [`${source.kind} “${source.title}”`] : []));
  return [...new Set(titles)];
}

/** Items as the one-per-line list the app's text fields show as written. */
export function bulletLines(items: readonly string[]): string {
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => `- ${item}`)
    .join("\n");
}
