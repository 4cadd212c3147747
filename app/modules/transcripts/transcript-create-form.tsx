import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useState, type ChangeEvent } from "react";
import { useIsPending } from "~/components/forms/use-is-pending";
import { useValidatedForm } from "~/components/forms/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, inputClass, SelectField, FieldShell } from "~/components/ui/field";
import { TextareaField } from "~/components/ui/textarea-field";
import { KindField } from "./kind-field";
import { parseCaptions, speakersOf } from "./parse-captions";
import { ACCEPTED_EXTENSIONS, createTranscriptSchema, FORMAT_LABELS, formatFromFileName, MAX_TRANSCRIPT_BYTES, titleFromFileName } from "./schema";

const FORMAT_OPTIONS = [{ value: "auto", label: "Detect automatically" }, ...Object.entries(FORMAT_LABELS).map(([value, label]) => ({ value, label }))];

/**
 * Paste or upload. Multipart, so it works without JavaScript; with it, choosing a caption file
 * fills the title and attendees from the file before anything is sent.
 */
export function TranscriptCreateForm({ lastResult, cancelTo }: { lastResult?: SubmissionResult<string[]>; cancelTo: string }) {
  const submitting = useIsPending();
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [form, fields] = useValidatedForm(createTranscriptSchema, { lastResult });

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setFileNote(null);
    if (!file) return;
    const format = formatFromFileName(file.name);
    form.validate({ name: fields.file.name });
    if (!format || file.size > MAX_TRANSCRIPT_BYTES) return;
    if (!fields.title.value) form.update({ name: fields.title.name, value: titleFromFileName(file.name) });
    if (format !== "vtt" && format !== "srt") return setFileNote(`${FORMAT_LABELS[format]}, ready to upload.`);
    const parsed = parseCaptions(await file.text(), format);
    if (!parsed.ok) return setFileNote(`This file will be refused: ${parsed.error.message}`);
    const speakers = speakersOf(parsed.segments);
    if (!fields.attendees.value && speakers.length) form.update({ name: fields.attendees.name, value: speakers.join(", ") });
    setFileNote(`${FORMAT_LABELS[format]}: ${parsed.segments.length} cues, ${speakers.length} speaker${speakers.length === 1 ? "" : "s"}.`);
  }

  return (
    <Form method="post" encType="multipart/form-data" className="max-w-3xl space-y-5" {...getFormProps(form)}>
      {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_9rem_12rem]">
        <Field label="Title" meta={fields.title} placeholder="Pricing review" hint="Left empty, the file name is used." />
        <KindField meta={fields.kind} />
        <Field label="Meeting date" meta={fields.meeting_date} type="date" />
      </div>
      <Field
        label="Attendees"
        meta={fields.attendees}
        placeholder="Priya Shah, Marco Bianchi"
        hint="Separated by commas. Left empty, the speakers of a .vtt or .srt file are listed."
      />

      <fieldset className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-semibold">Transcript</legend>
        <FieldShell
          label="Upload a file"
          htmlFor={fields.file.id}
          hint={fileNote ?? `${ACCEPTED_EXTENSIONS.join(", ")} — up to 1 MB. WebVTT and SRT captions are split into speakers and time stamps.`}
          errors={fields.file.errors}
          errorId={fields.file.errorId}
        >
          <input
            {...getInputProps(fields.file, { type: "file" })}
            key={fields.file.key}
            accept={[...ACCEPTED_EXTENSIONS, "text/plain", "text/markdown", "text/vtt"].join(",")}
            onChange={onFileChosen}
            className="block w-full text-sm text-zinc-600 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-50 dark:text-zinc-400 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
          />
        </FieldShell>
        <div className="flex items-center gap-3 text-xs tracking-wide text-zinc-500 uppercase">
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          or paste it
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
        </div>
        <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <SelectField label="Format" meta={fields.format} options={FORMAT_OPTIONS} />
          <TextareaField
            label="Transcript text"
            meta={fields.content}
            rows={12}
            placeholder={"Priya: Let's get started…\n\nor a WEBVTT / SRT caption file's text"}
            className={`${inputClass} font-mono text-xs`}
            hint="An uploaded file takes the place of this text."
          />
        </div>
      </fieldset>

      <div className="flex gap-2">
        <Button disabled={submitting}>{submitting ? "Saving…" : "Create transcript"}</Button>
        <Link to={cancelTo} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </Form>
  );
}
