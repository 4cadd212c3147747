import type { Proposal } from "../components/proposal-review";
import { withActionItem, withDecision, withSummary, type TranscriptNotes } from "./transcript-notes-form";
import { UNASSIGNED, type CheckedSummary } from "./transcript-summariser";
import { riskDraftProposal } from "./risk-proposal";

/**
 * The summariser's answer as proposals to review. Notes go to the transcript's edit action, built
 * from the notes the page has now (accepting after someone else's save adds to theirs); risks go to
 * the new-risk action, linked to the transcript.
 */
export function summaryProposals(slug: string, transcriptId: string, notes: TranscriptNotes, checked: CheckedSummary) {
  const editAction = `/w/${slug}/transcripts/${transcriptId}/edit`;
  const summary: Proposal = {
    key: "summary",
    kind: "Summary",
    title: "Meeting summary",
    body: (
      <>
        <p className="whitespace-pre-line">{checked.summary}</p>
        {notes.summary ? <p className="mt-1 text-xs text-zinc-500">Accepting replaces the current summary.</p> : null}
      </>
    ),
    fields: [{ name: "summary", label: "Summary", value: checked.summary, type: "textarea" }],
    action: editAction,
    compose: (values) => withSummary(notes, values.summary ?? checked.summary),
  };
  const decisions = checked.decisions.map(
    (decision, index): Proposal => ({
      key: `decision-${index}`,
      kind: "Decision",
      title: decision.decision,
      quote: decision.quote,
      fields: [{ name: "title", label: "Decision", value: decision.decision, type: "textarea" }],
      action: editAction,
      compose: (values) => withDecision(notes, values.title ?? decision.decision),
    }),
  );
  const actionItems = checked.actionItems.map(
    (item, index): Proposal => ({
      key: `action-item-${index}`,
      kind: "Action item",
      title: item.text,
      body: <p className="text-xs text-zinc-500">{item.owner === UNASSIGNED ? "Unassigned" : `Owner: ${item.owner}`}</p>,
      quote: item.quote,
      fields: [
        { name: "title", label: "Action", value: item.text },
        { name: "owner", label: `Owner (an attendee, or “${UNASSIGNED}”)`, value: item.owner },
      ],
      action: editAction,
      compose: (values) => withActionItem(notes, { text: values.title ?? item.text, owner: values.owner ?? item.owner, quote: item.quote.text }),
    }),
  );
  const risks = checked.risks.map((risk, index) =>
    riskDraftProposal(slug, `risk-${index}`, risk, { quote: risk.quote, hidden: { transcript_id: transcriptId } }),
  );
  return { summary, decisions, actionItems, risks };
}
