import { isUtf8 } from "node:buffer";
import type { TranscriptFormat } from "../../../db/schema";
import { AppError } from "../../services/errors.server";
import { isMultipart, readBodyAtMost, readUpload, type UploadedFile as ReceivedFile } from "../../services/request-body.server";
import { formatFromFileName, MAX_TRANSCRIPT_BYTES, tooLargeMessage, wrongExtensionMessage } from "./schema";

// Reading the "new transcript" form without ever holding more than the limits below in memory:
// each field is kept up to its own limit, the file up to 1 MB; past that the bytes are only
// counted (to tell the person how large the file was) and dropped, up to DRAIN_LIMIT for the whole
// request, where reading stops. The fields typed before the file are kept either way.

const FIELD_LIMITS: Record<string, number> = {
  title: 4096,
  kind: 32,
  meeting_date: 64,
  attendees: 16 * 1024,
  format: 32,
  content: MAX_TRANSCRIPT_BYTES,
};
const DRAIN_LIMIT = 32 * 1024 * 1024;
const URLENCODED_LIMIT = 3 * MAX_TRANSCRIPT_BYTES;
// Six fields and a file; a few more leave room for what a browser may add.
const MAX_PARTS = 16;
/** The most of a "new transcript" body that is read (app/server/request-body.ts keeps every request under it). */
export const TRANSCRIPT_FORM_BYTES = DRAIN_LIMIT + 64 * 1024;

export interface UploadedFile {
  name: string;
  format: TranscriptFormat;
  text: string;
}

export interface TranscriptFormRead {
  fields: Record<string, string>;
  file: UploadedFile | null;
  /** Field-level messages for what could not be read (too large, wrong kind of file). */
  problems: Partial<Record<"file" | "content" | "title" | "attendees" | "meeting_date" | "format", string>>;
}

export async function readTranscriptForm(request: Request): Promise<TranscriptFormRead> {
  const contentType = request.headers.get("content-type") ?? "";
  if (isMultipart(request)) return readMultipart(request);
  if (contentType.startsWith("application/x-www-form-urlencoded")) return readUrlEncoded(request);
  throw new AppError(415, "Unsupported form", "Send the form as multipart/form-data or application/x-www-form-urlencoded.");
}

async function readMultipart(request: Request): Promise<TranscriptFormRead> {
  const upload = await readUpload(request, { maxBytes: TRANSCRIPT_FORM_BYTES, maxParts: MAX_PARTS, fields: FIELD_LIMITS, files: { file: MAX_TRANSCRIPT_BYTES } });
  if (upload.stopped?.limit === "parts") throw new AppError(413, "Too many fields", "This form has more fields than a transcript form has.");
  const read: TranscriptFormRead = { fields: {}, file: null, problems: {} };
  for (const [name, text] of Object.entries(upload.fields)) read.fields[name] = withoutNul(text);
  for (const [name, size] of Object.entries(upload.tooLong)) {
    read.problems[name as keyof TranscriptFormRead["problems"]] = name === "content" ? tooLargeMessage("transcript", size) : "This is far too long.";
  }
  if (upload.stopped) {
    // The fields before the file are kept; those after it were never read.
    if (upload.stopped.during !== "file") throw new AppError(413, "Too large", "This form is far larger than a transcript can be.");
    read.problems.file = tooLargeMessage("file", DRAIN_LIMIT, true);
  }
  const file = upload.files.file;
  if (file) {
    const checked = checkFile(file);
    if ("problem" in checked) read.problems.file = checked.problem;
    else read.file = checked;
  }
  return read;
}

function checkFile(file: ReceivedFile): UploadedFile | { problem: string } {
  const format = formatFromFileName(file.name);
  if (!format) return { problem: wrongExtensionMessage(file.name) };
  if (!file.bytes) return { problem: tooLargeMessage("file", file.size) };
  if (file.size === 0) return { problem: `“${file.name}” is empty.` };
  const text = decodeUtf8(file.bytes);
  // PostgreSQL text cannot hold NUL, and no transcript contains one: this is a binary file.
  if (text === null || text.includes("\u0000")) return { problem: `“${file.name}” is not UTF-8 text. Save it as UTF-8 and upload it again.` };
  return { name: file.name, format, text };
}

async function readUrlEncoded(request: Request): Promise<TranscriptFormRead> {
  const body = (await readBodyAtMost(request, URLENCODED_LIMIT))?.toString("utf8");
  if (body === undefined) throw new AppError(413, "Too large", tooLargeMessage("transcript", URLENCODED_LIMIT, true));
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) if (name in FIELD_LIMITS) fields[name] = withoutNul(value);
  const problems: TranscriptFormRead["problems"] = {};
  const contentBytes = Buffer.byteLength(fields.content ?? "");
  if (contentBytes > MAX_TRANSCRIPT_BYTES) {
    problems.content = tooLargeMessage("transcript", contentBytes);
    delete fields.content;
  }
  return { fields, file: null, problems };
}

/**
 * A plain (url-encoded) form of the transcript pages other than "new", read up to `limit` bytes:
 * the edit form carries at most a summary, decisions and a couple of hundred action items.
 */
export async function readSmallForm(request: Request, limit = 512 * 1024): Promise<URLSearchParams> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    throw new AppError(415, "Unsupported form", "Send the form as application/x-www-form-urlencoded.");
  }
  const body = await readBodyAtMost(request, limit);
  if (body === null) throw new AppError(413, "Too large", "This form is larger than any transcript notes can be.");
  return new URLSearchParams(body.toString("utf8"));
}

function decodeUtf8(bytes: Uint8Array): string | null {
  return isUtf8(bytes) ? new TextDecoder("utf-8").decode(bytes) : null;
}

function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "");
}
