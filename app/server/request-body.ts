import type { IncomingMessage } from "node:http";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { CSV_IMPORT_FORM_BYTES } from "../modules/initiatives/import-upload.server";
import { TRANSCRIPT_FORM_BYTES } from "../modules/transcripts/upload.server";
import { WORKSPACE_IMPORT_FORM_BYTES } from "../modules/workspace-transfer/import-upload.server";
import { sendRefusalPage } from "./refusal-page";

const MB = 1024 * 1024;

/**
 * Every body that is not one of the uploads below: url-encoded, JSON, text, and multipart sent anywhere
 * else. The largest plain form carries an initiative CSV import of at most 1 MB back for confirmation.
 */
export const MAX_FORM_BYTES = 4 * MB;

// The uploads read their multipart bodies as a stream, each up to its own limit, and refuse with a field
// error on their page. Ours is a backstop a little above theirs, so that their answer comes first: they
// stop at what they parse, we count what arrives, a chunk or two ahead of them.
const UPLOAD_MARGIN_BYTES = 1 * MB;
const UPLOADS: ReadonlyArray<{ path: RegExp; bytes: number }> = [
  { path: /^\/w\/import(\.data)?\/?$/i, bytes: WORKSPACE_IMPORT_FORM_BYTES },
  { path: /^\/w\/[^/]+\/initiatives\/import(\.data)?\/?$/i, bytes: CSV_IMPORT_FORM_BYTES },
  { path: /^\/w\/[^/]+\/transcripts\/new(\.data)?\/?$/i, bytes: TRANSCRIPT_FORM_BYTES },
];

/** The most of this request's body the server will read: no route can read more. */
export function bodyLimitFor(req: ExpressRequest): number {
  const upload = uploadLimitFor(req);
  return upload === null ? MAX_FORM_BYTES : upload + UPLOAD_MARGIN_BYTES;
}

function uploadLimitFor(req: ExpressRequest): number | null {
  if (!(req.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) return null;
  return UPLOADS.find(({ path }) => path.test(req.path))?.bytes ?? null;
}

/**
 * Runs before anything else that may answer a request with a body. A body announced larger than a form can
 * be is refused unread. Any answer sent before the whole body has arrived (this refusal, a cross-origin
 * refusal, a route that stopped reading at its limit) closes the connection: left open, Node would read and
 * discard the rest of the body, however large, to keep the connection for another request.
 */
export const requestBodyGuard: RequestHandler = (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const writeHead = res.writeHead;
  res.writeHead = function (this: ExpressResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as typeof writeHead;
  // An upload's route reads its announced size itself, to refuse it with a message on its own page.
  if (uploadLimitFor(req) === null && Number(req.get("content-length") ?? 0) > MAX_FORM_BYTES) return sendTooLarge(res, MAX_FORM_BYTES);
  next();
};

export function sendTooLarge(res: ExpressResponse, limit: number): void {
  const size = `${Math.round(limit / MB)} MB`;
  sendRefusalPage(res, 413, "This form is too large", [[`Bearing reads at most ${size} of a form, and this one is larger: the limit is ${size}. Nothing was saved.`]]);
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The request body as a web stream that counts the bytes as they arrive, whatever Content-Length said
 * (a chunked body has none). Past `limit` it stops reading the socket, fails the stream (so whoever reads
 * it gets an error, never a truncated body) and calls `onTooLarge`.
 */
export function limitedBody(req: IncomingMessage, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let received = 0;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  const finish = (end: () => void) => {
    if (finished) return;
    finished = true;
    req.off("data", onData);
    req.pause();
    end();
  };
  const onData = (chunk: Buffer) => {
    received += chunk.byteLength;
    if (received > limit) {
      finish(() => controller.error(new BodyTooLargeError(limit)));
      onTooLarge();
      return;
    }
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        req.on("data", onData);
        req.once("end", () => finish(() => controller.close()));
        req.once("error", (error) => finish(() => controller.error(error)));
        // A connection that closes before the end of the body is an aborted upload, never a shorter one.
        req.once("close", () => finish(() => controller.error(new Error("The client closed the connection before the end of the body."))));
      },
      pull() {
        if (!finished) req.resume();
      },
      cancel() {
        finish(() => undefined);
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
