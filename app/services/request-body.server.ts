import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/**
 * Route-level limits on request bodies, below the server's own (app/server/request-body.ts): a route that
 * takes a file reads its body as a stream up to what it needs, and answers with a message on its page.
 */

/** The body, or null once it passes `limit` bytes: reading stops there, never after the whole body. */
export async function readBodyAtMost(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so the server reads no more of the connection.
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
}

/** What a form with a file may hold. Every limit is in bytes. */
export interface UploadLimits {
  /** The whole body, multipart boundaries and part headers included: reading stops past it. */
  maxBytes: number;
  /** A form of thousands of tiny parts is not a form we sent: reading stops past this many. */
  maxParts: number;
  /** The text fields read, each up to its limit. Any other text field is read and dropped. */
  fields: Readonly<Record<string, number>>;
  /** The file fields, each kept up to its limit; past it its bytes are only counted, to say how large it was. */
  files: Readonly<Record<string, number>>;
  /**
   * Refuse, unread, a body whose Content-Length already says it is larger than `maxBytes`. A form that shows
   * what was typed before a file far too large (the transcript form) reads up to the limit instead.
   */
  refuseAnnouncedLarger?: boolean;
}

export interface UploadedFile {
  /** The name the browser gave the file. */
  name: string;
  type: string;
  size: number;
  /** Null when the file is larger than its limit: then only `size` was counted. */
  bytes: Buffer | null;
}

export interface Upload {
  fields: Record<string, string>;
  /** Text fields larger than their limit, with their size; they are not in `fields`. */
  tooLong: Record<string, number>;
  /** Files chosen; a file input left empty is not one. */
  files: Record<string, UploadedFile>;
  /**
   * Why reading stopped before the end, if it did: the body passed `maxBytes` (`during` names the part being
   * read then: what came before it is here, what came after it was never read), or had more than `maxParts` parts.
   */
  stopped: null | { limit: "bytes"; during: string | null } | { limit: "parts" };
}

/**
 * The one reader of forms that carry a file (docs/decisions/019): Remix's streaming multipart parser, with
 * the whole body and the number of parts bounded and each field held to its own limit, so that no more than
 * those limits is ever kept in memory whatever is sent. The first value of a repeated field counts, as
 * `FormData.get` reads it. Past a limit it answers with what it read rather than failing, for the form to
 * say what was wrong under the right field.
 */
export async function readUpload(request: Request, limits: UploadLimits): Promise<Upload> {
  const upload: Upload = { fields: {}, tooLong: {}, files: {}, stopped: null };
  if (limits.refuseAnnouncedLarger && Number(request.headers.get("content-length")) > limits.maxBytes) {
    // The server closes the connection after the answer (app/server/request-body.ts).
    upload.stopped = { limit: "bytes", during: null };
    return upload;
  }
  let during: string | null = null;
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    const isFile = typeof filename === "string";
    // A file input left empty still sends a part, with an empty file name.
    const limit = isFile ? (filename ? limits.files[name] : undefined) : limits.fields[name];
    during = name;
    const { bytes, size } = await collect(data, limit ?? 0);
    during = null;
    if (limit === undefined || name in upload.fields || name in upload.tooLong || name in upload.files) return undefined;
    if (isFile) upload.files[name] = { name: filename!, type: contentType, size, bytes };
    else if (bytes) upload.fields[name] = new TextDecoder().decode(bytes);
    else upload.tooLong[name] = size;
    return undefined;
  };
  try {
    await parseBoundedMultipart(request, limits, handler);
  } catch (error) {
    if (!(error instanceof MultipartLimitError)) throw error;
    upload.stopped = error.exceeded === "parts" ? { limit: "parts" } : { limit: "bytes", during };
  }
  return upload;
}

/** Keeps up to `limit` bytes of a part; counts and drops the rest. */
async function collect(data: AsyncIterable<Uint8Array>, limit: number): Promise<{ bytes: Buffer | null; size: number }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size <= limit) chunks.push(chunk);
  }
  return { bytes: size <= limit ? Buffer.concat(chunks) : null, size };
}

class MultipartLimitError extends Error {
  constructor(readonly exceeded: "bytes" | "parts") {
    super(exceeded === "bytes" ? "The form is larger than its limit." : "The form has more parts than its limit.");
    this.name = "MultipartLimitError";
  }
}

/** Remix's streaming multipart parser, bounded as a whole: past either limit it throws MultipartLimitError and reads no further. */
async function parseBoundedMultipart(request: Request, limits: { maxBytes: number; maxParts: number }, handler: UploadHandler): Promise<FormData> {
  let received = 0;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limits.maxBytes) throw new MultipartLimitError("bytes");
        controller.enqueue(chunk);
      },
    }),
  );
  let parts = 0;
  const bounded = new Request(request.url, { method: request.method, headers: request.headers, body: counted ?? null, duplex: "half" } as RequestInit);
  return unstable_parseMultipartFormData(bounded, async (part) => {
    parts += 1;
    if (parts > limits.maxParts) throw new MultipartLimitError("parts");
    return handler(part);
  });
}
