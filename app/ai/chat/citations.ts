import type { DataSource } from "../prompt";

/** A run of answer text, or one handle the model cited: linked when it names a source it was given. */
export type AnswerPart = { type: "text"; text: string } | { type: "citation"; handle: string; source: DataSource | null };

// [S3], [S3, S5], [S3; S5], [s3] — a bracket holding only handles. Anything else in brackets,
// such as a redaction placeholder or "[see below]", stays text.
const CITATION_GROUP = /\[\s*(S\d+(?:\s*[,;]\s*S\d+)*)\s*\]/gi;

/**
 * Splits an answer into text and citations. A handle the model made up (one it was never given)
 * comes back with `source: null`, for the interface to show as plain text rather than a link.
 */
export function parseCitations(answer: string, sources: readonly DataSource[]): AnswerPart[] {
  const byHandle = new Map(sources.map((source) => [source.id.toUpperCase(), source]));
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const match of answer.matchAll(CITATION_GROUP)) {
    if (match.index > last) parts.push({ type: "text", text: answer.slice(last, match.index) });
    for (const handle of match[1]!.split(/[,;]/)) {
      const normalised = handle.trim().toUpperCase();
      parts.push({ type: "citation", handle: normalised, source: byHandle.get(normalised) ?? null });
    }
    last = match.index + match[0].length;
  }
  if (last < answer.length) parts.push({ type: "text", text: answer.slice(last) });
  return parts;
}

/** The sources an answer cites, each once, in the order they are first cited: the "Sources" list. */
export function citedSources(answer: string, sources: readonly DataSource[]): DataSource[] {
  const cited = new Map<string, DataSource>();
  for (const part of parseCitations(answer, sources)) {
    if (part.type === "citation" && part.source && !cited.has(part.handle)) cited.set(part.handle, part.source);
  }
  return [...cited.values()];
}
