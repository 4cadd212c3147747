import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, FieldErrors, inputClass } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { KindField } from "./kind-field";
import { BLANK_ACTION_ROWS, updateTranscriptSchema } from "./schema";

export interface EditableTranscript {
  title: string;
  kind: "meeting" | "note";
  meeting_date: string | null;
  attendees: string[];
  summary: string;
  decisions: string[];
  action_items: ReadonlyArray<{ id: string; text: string; owner: string | null; converted: boolean }>;
}

/**
 * Title, date, attendees and what the AI will fill later (summary, decisions, action items).
 * Action items are rows: a few blank ones to add, a "Remove" box on each — no JavaScript needed.
 */
export function TranscriptEditForm({
  transcript,
  version,
  lastResult,
  cancelTo,
}: {
  transcript: EditableTranscript;
  version: number;
  lastResult?: SubmissionResult<string[]>;
  cancelTo: string;
}) {
  const submitting = useIsPending();
  const converted = new Set(transcript.action_items.filter((item) => item.converted).map((item) => item.id));
  const [form, fields] = useValidatedForm(updateTranscriptSchema, {
    lastResult,
    defaultValue: {
      title: transcript.title,
      kind: transcript.kind,
      meeting_date: transcript.meeting_date ?? "",
      attendees: transcript.attendees.join(", "),
      summary: transcript.summary,
      decisions: transcript.decisions.join("\n"),
      action_items: [
        ...transcript.action_items.map((item) => ({ id: item.id, text: item.text, owner: item.owner ?? "" })),
        ...Array.from({ length: BLANK_ACTION_ROWS }, () => ({ id: "", text: "", owner: "" })),
      ],
    },
  });
  const rows = fields.action_items.getFieldList();

  return (
    <Form method="post" className="max-w-3xl space-y-5" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="version" value={version} />
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_9rem_12rem]">
        <Field label="Title" meta={fields.title} />
        <KindField meta={fields.kind} />
        <Field label="Meeting date" meta={fields.meeting_date} type="date" />
      </div>
      <Field label="Attendees" meta={fields.attendees} hint="Separated by commas." />
      <TextareaField label="Summary" meta={fields.summary} rows={5} />
      <TextareaField label="Decisions" meta={fields.decisions} rows={4} hint="One decision per line." />

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Action items</legend>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Fill in a blank row to add an item; tick “Remove” or clear a row to drop it. Save, and three new blank rows appear.
        </p>
        <FieldErrors id={fields.action_items.errorId} errors={fields.action_items.errors} />
        <ol className="space-y-2">
          {rows.map((row, index) => {
            const item = row.getFieldset();
            const isConverted = Boolean(item.id.initialValue && converted.has(item.id.initialValue));
            return (
              <li key={row.key} className="grid grid-cols-[minmax(0,1fr)_auto] gap-2 rounded-lg border border-zinc-200 p-3 sm:grid-cols-[minmax(0,1fr)_11rem_auto] dark:border-zinc-800">
                <input {...getInputProps(item.id, { type: "hidden" })} key={item.id.key} />
                <div className="col-span-2 sm:col-span-1">
                  <label htmlFor={item.text.id} className="sr-only">
                    Action item {index + 1}
                  </label>
                  <input {...getInputProps(item.text, { type: "text" })} key={item.text.key} placeholder="What needs doing" className={inputClass} />
                  <FieldErrors id={item.text.errorId} errors={item.text.errors} />
                </div>
                <div>
                  <label htmlFor={item.owner.id} className="sr-only">
                    Owner of action item {index + 1}
                  </label>
                  <input {...getInputProps(item.owner, { type: "text" })} key={item.owner.key} placeholder="Owner" className={inputClass} />
                  <FieldErrors id={item.owner.errorId} errors={item.owner.errors} />
                </div>
                <div className="flex items-center gap-3 self-center">
                  {item.id.initialValue ? (
                    <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
                      <input {...getInputProps(item.remove, { type: "checkbox" })} key={item.remove.key} className="size-4 accent-red-600" />
                      Remove
                    </label>
                  ) : (
                    <span className="text-xs text-zinc-400">New</span>
                  )}
                  {isConverted ? <span className="text-xs text-emerald-700 dark:text-emerald-400">Converted</span> : null}
                </div>
              </li>
            );
          })}
        </ol>
      </fieldset>

      <div className="flex gap-2">
        <Button disabled={submitting}>Save changes</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
