import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { detectFormat, parseCaptions, speakersOf } from "./parse-captions";
import { createTranscriptSchema, titleFromFileName } from "./schema";
import type { NewTranscript } from "./transcripts.server";
import type { TranscriptFormRead } from "./upload.server";

export type PreparedTranscript = { ok: true; value: NewTranscript } | { ok: false; result: SubmissionResult<string[]> };

/**
 * The "new transcript" form, read, into a row or field errors. An uploaded file takes the place of
 * the pasted text and names the transcript when no title was typed; captions are parsed into
 * segments, and their speakers become the attendees when none were listed. On a refusal the
 * file's text comes back in the text box, so nothing has to be uploaded again.
 */
export function prepareNewTranscript({ fields, file, problems }: TranscriptFormRead): PreparedTranscript {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  if (file) {
    formData.set("content", file.text);
    formData.set("format", file.format);
    if (!fields.title?.trim()) formData.set("title", titleFromFileName(file.name));
  }
  const submission = parseWithZod(formData, { schema: createTranscriptSchema });
  const errors: Record<string, string[]> = Object.fromEntries(Object.entries(problems).map(([name, message]) => [name, [message]]));

  if (submission.status === "success" && Object.keys(errors).length === 0) {
    const { title, kind, meeting_date, attendees, content } = submission.value;
    const format = submission.value.format === "auto" ? detectFormat(content) : submission.value.format;
    if (format !== "vtt" && format !== "srt") {
      return { ok: true, value: { title, kind, meeting_date, attendees, format, content: content.trim(), segments: null } };
    }
    const parsed = parseCaptions(content, format);
    if (parsed.ok) {
      const speakers = speakersOf(parsed.segments);
      return { ok: true, value: { title, kind, meeting_date, attendees: attendees.length ? attendees : speakers, format, content, segments: parsed.segments } };
    }
    if (file) errors.file = [`“${file.name}” could not be read. ${parsed.error.message}`];
    else errors.content = [`This is not readable as ${format === "vtt" ? "WebVTT" : "SRT"}. ${parsed.error.message}`];
  }

  const result = submission.reply({ fieldErrors: errors });
  // The title and text were to come from the refused file: asking for them as well would mislead.
  if (problems.file && result.error) {
    delete result.error.title;
    delete result.error.content;
  }
  return { ok: false, result };
}
