import { useMemo } from "react";
import type { CaptionSegment } from "~/modules/transcripts/parse-captions";
import { PanelFrame, type AiPanelProps } from "../components/ai-action";
import { ProposalReview } from "../components/proposal-review";
import { StructuredAgentRun } from "../components/structured-agent-run.client";
import type { TranscriptNotes } from "./transcript-notes-form";
import { summaryProposals } from "./transcript-summary-proposals";
import {
  checkSummary,
  speakerTurns,
  TRANSCRIPT_CHARACTER_BUDGET,
  transcriptSource,
  transcriptSummariser,
  type CheckedSummary,
  type TranscriptForSummary,
  type TranscriptSummary,
} from "./transcript-summariser";

export interface TranscriptSummariserProps {
  slug: string;
  /** As the page's loader has it: the pasted text, or the caption segments (then `content` is empty). */
  transcript: Omit<TranscriptForSummary, "body"> & { content: string; segments: CaptionSegment[] | null };
  /** The notes as the page has them now: accepted items are added to these. */
  notes: TranscriptNotes;
}

/**
 * Transcript summariser (PRODUCT.md §4): summary, decisions, action items with owners and risks,
 * each quoting its passage. Notes are saved through the transcript's edit action, risks through
 * the new-risk action, linked to this transcript.
 */
export default function TranscriptSummariserPanel({ props: { slug, transcript, notes }, onClose }: AiPanelProps<TranscriptSummariserProps>) {
  const { id, title, meetingDate, attendees, content, segments } = transcript;
  const body = useMemo(() => (segments ? speakerTurns(segments) : content), [segments, content]);
  const attendeeKey = attendees.join("\n");
  const source = useMemo(
    () => transcriptSource({ id, title, meetingDate, attendees: attendeeKey ? attendeeKey.split("\n") : [], body }),
    [id, title, meetingDate, attendeeKey, body],
  );
  const sources = useMemo(() => [source], [source]);
  const names = useMemo(() => (attendeeKey ? attendeeKey.split("\n") : []), [attendeeKey]);
  return (
    <PanelFrame title="Summarise with AI" onClose={onClose}>
      {body.length > TRANSCRIPT_CHARACTER_BUDGET ? (
        <p role="note" className="mb-3 text-zinc-600 dark:text-zinc-400">
          This transcript is long: only its first {TRANSCRIPT_CHARACTER_BUDGET.toLocaleString("en")} characters are sent.
        </p>
      ) : null}
      <StructuredAgentRun agent={transcriptSummariser} sources={sources} names={names} renderPartial={(partial) => <PartialSummary partial={partial} />}>
        {(output) => <SummaryReview slug={slug} transcriptId={id} notes={notes} checked={checkSummary(output, source, names)} />}
      </StructuredAgentRun>
    </PanelFrame>
  );
}

function SummaryReview({ slug, transcriptId, notes, checked }: { slug: string; transcriptId: string; notes: TranscriptNotes; checked: CheckedSummary }) {
  const { summary, decisions, actionItems, risks } = summaryProposals(slug, transcriptId, notes, checked);
  return (
    <div className="space-y-6">
      <ProposalReview title="Summary" proposals={[summary]} />
      <ProposalReview title="Decisions" proposals={decisions} />
      <ProposalReview title="Action items" proposals={actionItems} />
      <ProposalReview title="Risks" proposals={risks} />
    </div>
  );
}

function PartialSummary({ partial }: { partial: unknown }) {
  const { summary, decisions, actionItems, risks } = partial as Partial<{ [Key in keyof TranscriptSummary]: Partial<TranscriptSummary[Key]> }>;
  const counted = (items: unknown, what: string) => (Array.isArray(items) && items.length ? `${items.length} ${what}` : null);
  const counts = [counted(decisions, "decisions"), counted(actionItems, "action items"), counted(risks, "risks")].filter(Boolean);
  return (
    <div className="space-y-1 rounded border border-dashed border-zinc-300 px-3 py-2 dark:border-zinc-700">
      <p className="whitespace-pre-line">{typeof summary === "string" ? summary : "…"}</p>
      {counts.length ? <p className="text-xs text-zinc-500">So far: {counts.join(" · ")}</p> : null}
    </div>
  );
}
