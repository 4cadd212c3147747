import { z } from "zod";
import type { TranscriptFormat, TranscriptKind } from "../../../db/schema";
import { optionalText, requiredText, versionField } from "../product-fields";

/** The largest transcript we keep, pasted or uploaded (PRODUCT.md §3, issue 3 item 7). */
export const MAX_TRANSCRIPT_BYTES = 1024 * 1024;

const FILE_FORMATS = { ".txt": "text", ".md": "markdown", ".vtt": "vtt", ".srt": "srt" } as const satisfies Record<string, TranscriptFormat>;
export const ACCEPTED_EXTENSIONS = Object.keys(FILE_FORMATS);

export const FORMAT_LABELS: Record<TranscriptFormat, string> = { text: "Plain text", markdown: "Markdown", vtt: "WebVTT", srt: "SubRip (SRT)" };

export const KIND_LABELS: Record<TranscriptKind, string> = { meeting: "Meeting", note: "Note" };
const kindField = z.enum(["meeting", "note"], { error: "Choose a meeting or a note." }).default("meeting");

export function formatFromFileName(name: string): TranscriptFormat | null {
  const extension = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? "";
  return (FILE_FORMATS as Record<string, TranscriptFormat>)[extension] ?? null;
}

/** "Pricing review.vtt" → "Pricing review": the title a file gives when none was typed. */
export function titleFromFileName(name: string): string {
  return name.replace(/\.[^.]+$/, "").replace(/[_]+/g, " ").trim().slice(0, 200);
}

function megabytes(bytes: number): string {
  const value = bytes / MAX_TRANSCRIPT_BYTES;
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return rounded === "1.0" ? "just over 1 MB" : `${rounded} MB`;
}

export const tooLargeMessage = (what: "file" | "transcript", bytes: number, atLeast = false) =>
  `The ${what} is ${atLeast ? "more than " : ""}${megabytes(bytes)}; the limit is 1 MB.`;

export const wrongExtensionMessage = (fileName: string) =>
  `“${fileName}” is not a transcript file. Upload a ${ACCEPTED_EXTENSIONS.slice(0, -1).join(", ")} or ${ACCEPTED_EXTENSIONS.at(-1)} file.`;

const MEETING_DATE = /^\d{4}-\d{2}-\d{2}$/;
const meetingDateField = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || (MEETING_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))), "Use a date like 2026-11-23.")
  .transform((value) => value || null);

/** "Priya Shah, Marco Bianchi" → ["Priya Shah", "Marco Bianchi"], each name once. */
function splitAttendees(value: string): string[] {
  const names = new Map<string, string>();
  for (const part of value.split(/[,;\n]/)) {
    const name = part.replace(/\s+/g, " ").trim();
    if (name && !names.has(name.toLocaleLowerCase())) names.set(name.toLocaleLowerCase(), name);
  }
  return [...names.values()];
}

/** The rules for a list of attendees: the form reads it from one text field, the workspace import as a list. */
export function withAttendeeRules<Schema extends z.ZodType<string[]>>(names: Schema) {
  return names
    .refine((list) => list.length <= 100, "List at most 100 attendees.")
    .refine((list) => list.every((name) => name.length <= 120), "Keep each name under 120 characters.");
}

const attendeesField = withAttendeeRules(z.string().trim().max(5000, "Use at most 5,000 characters.").default("").transform(splitAttendees));

const FORMAT_CHOICES = ["auto", "text", "markdown", "vtt", "srt"] as const;

/** What the browser may hold in the file input; the server reads the file itself (upload.server.ts). */
const fileField = z.custom<File | undefined>((value) => value === undefined || (typeof value === "object" && value !== null && "size" in value)).optional();

export const createTranscriptSchema = z
  .object({
    title: optionalText(200),
    kind: kindField,
    meeting_date: meetingDateField,
    attendees: attendeesField,
    format: z.enum(FORMAT_CHOICES, { error: "Choose a format." }).default("auto"),
    content: z.string().default(""),
    file: fileField,
  })
  .superRefine((value, context) => {
    const file = value.file && value.file.size > 0 ? value.file : undefined;
    if (file) {
      if (!formatFromFileName(file.name)) context.addIssue({ code: "custom", path: ["file"], message: wrongExtensionMessage(file.name) });
      else if (file.size > MAX_TRANSCRIPT_BYTES) context.addIssue({ code: "custom", path: ["file"], message: tooLargeMessage("file", file.size) });
      return;
    }
    if (!value.title) context.addIssue({ code: "custom", path: ["title"], message: "Give the meeting a title." });
    if (!value.content.trim()) context.addIssue({ code: "custom", path: ["content"], message: "Paste the transcript or upload a file." });
    else if (new TextEncoder().encode(value.content).length > MAX_TRANSCRIPT_BYTES) {
      context.addIssue({ code: "custom", path: ["content"], message: tooLargeMessage("transcript", new TextEncoder().encode(value.content).length) });
    }
  });

/** The rules for a list of decisions: the form reads it one a line, the workspace import as a list. */
export function withDecisionRules<Schema extends z.ZodType<string[]>>(lines: Schema) {
  return lines
    .refine((list) => list.length <= 100, "List at most 100 decisions.")
    .refine((list) => list.every((line) => line.length <= 1000), "Keep each decision under 1,000 characters.");
}

const decisionsField = withDecisionRules(
  z
    .string()
    .default("")
    .transform((value) => value.split(/\r?\n/).map((line) => line.replace(/^\s*[-*•]\s+/, "").trim()).filter(Boolean)),
);

const ACTION_ITEM_TEXT_MAX = 200;
export const ACTION_ITEMS_MAX = 200;

/** One action item's own fields, as the edit form's rows and the workspace import take them. */
export const actionItemFields = {
  id: z.string().max(64).optional(),
  text: optionalText(ACTION_ITEM_TEXT_MAX),
  owner: optionalText(120),
  /** The transcript passage a new item came from (the AI summariser quotes one); kept once stored. */
  quote: optionalText(1000),
};

const actionItemRow = z
  .object({
    ...actionItemFields,
    remove: z.boolean().optional(),
  })
  .superRefine((row, context) => {
    if (!row.remove && !row.text && row.owner) context.addIssue({ code: "custom", path: ["text"], message: "Say what the action is, or clear the owner." });
  });

export const updateTranscriptSchema = z.object({
  title: requiredText(200, "Give the meeting a title."),
  kind: kindField,
  meeting_date: meetingDateField,
  attendees: attendeesField,
  summary: optionalText(20000),
  decisions: decisionsField,
  // Rows left empty, or ticked "Remove", drop out: that is how rows go away without JavaScript.
  action_items: z
    .array(actionItemRow)
    .max(ACTION_ITEMS_MAX, `List at most ${ACTION_ITEMS_MAX} action items.`)
    .default([])
    .transform((rows) => rows.filter((row) => !row.remove && row.text).map(({ id, text, owner, quote }) => ({ id, text, owner, quote }))),
  version: versionField,
});

export type UpdateTranscriptInput = Omit<z.infer<typeof updateTranscriptSchema>, "version">;

/** Blank action-item rows offered on every edit, so adding works without JavaScript. */
export const BLANK_ACTION_ROWS = 3;

export const TRANSCRIPT_EDIT_FIELDS = [
  { name: "title", label: "Title" },
  { name: "kind", label: "Kind" },
  { name: "meeting_date", label: "Meeting date" },
  { name: "attendees", label: "Attendees" },
  { name: "summary", label: "Summary" },
  { name: "decisions", label: "Decisions" },
  { name: "action_items_text", label: "Action items" },
] as const;
