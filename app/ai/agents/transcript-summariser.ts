import { z } from "zod";
import { mergeConsecutiveSpeakers, type CaptionSegment } from "~/modules/transcripts/parse-captions";
import type { StructuredAgent } from "../agent";
import { quoteAppearsIn, type DataSource } from "../prompt";

/** The owner an action item gets when no attendee was named for it. */
export const UNASSIGNED = "unassigned";

const quote = z.string().min(1).max(800).describe("The exact passage of the transcript this comes from, copied word for word");

const summarisedDecisionSchema = z.object({
  decision: z.string().min(3).max(1000).describe("What was decided, in one sentence"),
  quote,
});

const summarisedActionItemSchema = z.object({
  // The transcript's edit form keeps action items to 200 characters.
  text: z.string().min(3).max(200).describe("What needs doing, starting with a verb"),
  owner: z.string().max(120).describe(`The attendee who owns it, spelled exactly as in the attendee list, or "${UNASSIGNED}"`),
  quote,
});

const summarisedRiskSchema = z.object({
  title: z.string().min(3).max(200).describe("A short name for the risk"),
  description: z.string().max(2000).describe("What could happen and why it matters"),
  likelihood: z.number().int().min(1).max(5).describe("1 rare … 5 almost certain"),
  impact: z.number().int().min(1).max(5).describe("1 negligible … 5 severe"),
  mitigation: z.string().max(2000).describe("What the team can do to reduce it"),
  quote,
});

export const transcriptSummarySchema = z.object({
  summary: z.string().min(1).max(4000).describe("What the meeting was about and what came of it, in a few sentences"),
  decisions: z.array(summarisedDecisionSchema).max(12),
  actionItems: z.array(summarisedActionItemSchema).max(15),
  risks: z.array(summarisedRiskSchema).max(8),
});

export type TranscriptSummary = z.infer<typeof transcriptSummarySchema>;
export type SummarisedDecision = z.infer<typeof summarisedDecisionSchema>;
export type SummarisedActionItem = z.infer<typeof summarisedActionItemSchema>;
export type SummarisedRisk = z.infer<typeof summarisedRiskSchema>;

export const transcriptSummariser: StructuredAgent<typeof transcriptSummarySchema> = {
  name: "transcript-summariser",
  role: [
    "You summarise product-team meetings from their transcript. You return a short summary, the decisions",
    "taken, the action items with their owner, and the risks raised, with likelihood and impact from 1 to 5",
    "and a mitigation. Only report what the transcript says; return empty lists when there is nothing.",
    `An action item's owner is one of the listed attendees, spelled as listed, or "${UNASSIGNED}" when nobody`,
    "took it on. Every decision, action item and risk quotes the passage it came from, copied exactly.",
  ].join(" "),
  task: "Summarise this meeting: summary, decisions, action items with owners, and risks.",
  schema: transcriptSummarySchema,
  maxOutputTokens: 6_000,
  expectedOutputTokens: 1_500,
};

/** The transcript as the summariser reads it: what the transcript page shows, speaker labels included. */
export interface TranscriptForSummary {
  id: string;
  title: string;
  meetingDate: string | null;
  attendees: string[];
  /** The pasted text, or the caption segments' speaker turns. */
  body: string;
}

/** Caption segments as turns of the conversation, "Priya Shah: …", one line each, as the page shows them. */
export function speakerTurns(segments: ReadonlyArray<CaptionSegment>): string {
  return mergeConsecutiveSpeakers(segments)
    .map((turn) => (turn.speaker ? `${turn.speaker}: ${turn.text}` : turn.text))
    .join("\n");
}

// About 60,000 tokens: more than a two-hour meeting, and within every supported model's context.
export const TRANSCRIPT_CHARACTER_BUDGET = 240_000;

/** The one quoted source of a run. The attendee list goes with it so the model can name owners. */
export function transcriptSource(transcript: TranscriptForSummary): DataSource {
  const header = [
    transcript.meetingDate ? `Meeting on ${transcript.meetingDate}` : null,
    `Attendees: ${transcript.attendees.length ? transcript.attendees.join(", ") : "none listed"}`,
  ].filter(Boolean);
  const body = transcript.body.length > TRANSCRIPT_CHARACTER_BUDGET ? transcript.body.slice(0, TRANSCRIPT_CHARACTER_BUDGET) : transcript.body;
  return { id: "T1", kind: "meeting transcript", title: transcript.title, text: `${header.join("\n")}\n\n${body}` };
}

/**
 * The attendee an owner names: exact (case aside), else the one attendee with that first name.
 * Anything else — a name the transcript never listed, an email address — is "unassigned".
 */
export function attendeeNamed(owner: string, attendees: readonly string[]): string {
  const wanted = owner.trim().toLocaleLowerCase();
  if (!wanted || wanted === UNASSIGNED) return UNASSIGNED;
  const exact = attendees.find((name) => name.toLocaleLowerCase() === wanted);
  if (exact) return exact;
  const byFirstName = attendees.filter((name) => name.split(/\s+/)[0]?.toLocaleLowerCase() === wanted);
  return byFirstName.length === 1 ? byFirstName[0]! : UNASSIGNED;
}

interface Quoted {
  quote: { text: string; found: boolean };
}

export interface CheckedSummary {
  summary: string;
  decisions: (SummarisedDecision & Quoted)[];
  actionItems: (SummarisedActionItem & Quoted)[];
  risks: (SummarisedRisk & Quoted)[];
}

/**
 * The answer as the review shows it: each quote checked against the transcript (a passage the
 * model invented is flagged, not hidden), each owner one of the attendees or "unassigned".
 */
export function checkSummary(output: TranscriptSummary, source: DataSource, attendees: readonly string[]): CheckedSummary {
  const checked = <Item extends { quote: string }>(item: Item) => ({ ...item, quote: { text: item.quote, found: quoteAppearsIn(item.quote, source.text) } });
  return {
    summary: output.summary,
    decisions: output.decisions.map(checked),
    actionItems: output.actionItems.map((item) => ({ ...checked(item), owner: attendeeNamed(item.owner, attendees) })),
    risks: output.risks.map(checked),
  };
}
