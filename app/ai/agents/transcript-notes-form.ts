/**
 * Accepted summariser proposals are saved through the transcript's ordinary edit action, which
 * takes the whole set of notes at once and checks the version they were read at. These build that
 * form from the notes the page currently has, plus the one accepted proposal: a summary replaces
 * the summary, a decision or an action item is appended to what is already there. If someone
 * saved the transcript since, the version check answers 409 and nothing is overwritten.
 */
export interface TranscriptNotes {
  version: number;
  title: string;
  meetingDate: string | null;
  attendees: string[];
  summary: string;
  decisions: string[];
  actionItems: ReadonlyArray<{ id: string; text: string; owner: string | null }>;
}

export interface NewActionItem {
  text: string;
  /** An attendee's name; empty (or "unassigned") for nobody. */
  owner: string;
  quote: string;
}

/** The edit form exactly as it stands, field by field as the edit page posts it. */
function notesFormFields(notes: TranscriptNotes): Record<string, string> {
  const fields: Record<string, string> = {
    title: notes.title,
    meeting_date: notes.meetingDate ?? "",
    attendees: notes.attendees.join(", "),
    summary: notes.summary,
    decisions: notes.decisions.join("\n"),
    version: String(notes.version),
  };
  notes.actionItems.forEach((item, index) => Object.assign(fields, actionItemRow(index, { id: item.id, text: item.text, owner: item.owner ?? "" })));
  return fields;
}

export function withSummary(notes: TranscriptNotes, summary: string): Record<string, string> {
  return { ...notesFormFields(notes), summary };
}

export function withDecision(notes: TranscriptNotes, decision: string): Record<string, string> {
  // The form keeps one decision per line, so a decision is one line however the model wrapped it.
  const line = decision.replace(/\s+/g, " ").trim();
  return { ...notesFormFields(notes), decisions: [...notes.decisions, line].join("\n") };
}

export function withActionItem(notes: TranscriptNotes, item: NewActionItem): Record<string, string> {
  const owner = item.owner.trim().toLocaleLowerCase() === "unassigned" ? "" : item.owner.trim();
  return { ...notesFormFields(notes), ...actionItemRow(notes.actionItems.length, { id: "", text: item.text.trim(), owner, quote: item.quote }) };
}

function actionItemRow(index: number, row: { id: string; text: string; owner: string; quote?: string }): Record<string, string> {
  const fields: Record<string, string> = {
    [`action_items[${index}].id`]: row.id,
    [`action_items[${index}].text`]: row.text,
    [`action_items[${index}].owner`]: row.owner,
  };
  if (row.quote) fields[`action_items[${index}].quote`] = row.quote;
  return fields;
}
