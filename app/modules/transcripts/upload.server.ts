import { isUtf8 } from "node:buffer";
import type { UploadHandler } from "@remix-run/node";
import type { TranscriptFormat } from "../../../db/schema";
import { AppError } from "../../services/errors.server";
import { MultipartLimitError, parseBoundedMultipart, readBodyAtMost } from "../../services/request-body.server";
import { formatFromFileName, MAX_TRANSCRIPT_BYTES, tooLargeMessage, wrongExtensionMessage } from "./schema";

// Reading the "new transcript" form without ever holding more than the limits below in memory:
// each field is collected up to its own limit, the file up to 1 MB; past that the bytes are only
// counted (to tell the person how large the file was) and dropped, up to DRAIN_LIMIT for the whole
// request, where reading stops. Remix's memory upload handler throws at its limit and loses the
// other fields, hence a handler of our own on the same streaming parser.

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

class DrainLimitReached extends Error {}

export async function readTranscriptForm(request: Request): Promise<TranscriptFormRead> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.startsWith("multipart/form-data")) return readMultipart(request);
  if (contentType.startsWith("application/x-www-form-urlencoded")) return readUrlEncoded(request);
  throw new AppError(415, "Unsupported form", "Send the form as multipart/form-data or application/x-www-form-urlencoded.");
}

async function readMultipart(request: Request): Promise<TranscriptFormRead> {
  const read: TranscriptFormRead = { fields: {}, file: null, problems: {} };
  let seen = 0;

  /** Keeps up to `limit` bytes; counts (and drops) the rest while the request stays under DRAIN_LIMIT. */
  async function collect(data: AsyncIterable<Uint8Array>, limit: number) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      seen += chunk.byteLength;
      if (seen > DRAIN_LIMIT) throw new DrainLimitReached();
      if (size <= limit) chunks.push(chunk);
    }
    return { bytes: size <= limit ? Buffer.concat(chunks) : null, size };
  }

  let pendingFileName: string | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (typeof filename === "string") {
      const format = formatFromFileName(filename);
      if (name !== "file" || filename === "") {
        await collect(data, 0);
      } else if (!format) {
        await collect(data, 0);
        read.problems.file = wrongExtensionMessage(filename);
      } else {
        pendingFileName = filename;
        const { bytes, size } = await collect(data, MAX_TRANSCRIPT_BYTES);
        pendingFileName = null;
        if (!bytes) read.problems.file = tooLargeMessage("file", size);
        else if (size === 0) read.problems.file = `“${filename}” is empty.`;
        else {
          const text = decodeUtf8(bytes);
          // PostgreSQL text cannot hold NUL, and no transcript contains one: this is a binary file.
          if (text === null || text.includes("\u0000")) read.problems.file = `“${filename}” is not UTF-8 text. Save it as UTF-8 and upload it again.`;
          else read.file = { name: filename, format, text };
        }
      }
      return undefined;
    }
    const limit = FIELD_LIMITS[name];
    const { bytes, size } = await collect(data, limit ?? 0);
    if (limit === undefined) return undefined;
    if (!bytes) {
      if (name === "content") read.problems.content = tooLargeMessage("transcript", size);
      else read.problems[name as keyof TranscriptFormRead["problems"]] = "This is far too long.";
      return undefined;
    }
    read.fields[name] = withoutNul(decodeUtf8(bytes) ?? "");
    return undefined;
  };

  try {
    await parseBoundedMultipart(request, { maxBytes: TRANSCRIPT_FORM_BYTES, maxParts: MAX_PARTS }, handler);
  } catch (error) {
    if (error instanceof MultipartLimitError && error.exceeded === "parts") {
      throw new AppError(413, "Too many fields", "This form has more fields than a transcript form has.");
    }
    if (!(error instanceof DrainLimitReached || error instanceof MultipartLimitError)) throw error;
    // The fields before the file are kept; those after it were never read.
    if (pendingFileName) read.problems.file = tooLargeMessage("file", DRAIN_LIMIT, true);
    else throw new AppError(413, "Too large", "This form is far larger than a transcript can be.");
  }
  return read;
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
