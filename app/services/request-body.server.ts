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

export class MultipartLimitError extends Error {
  constructor(readonly exceeded: "bytes" | "parts") {
    super(exceeded === "bytes" ? "The form is larger than its limit." : "The form has more parts than its limit.");
    this.name = "MultipartLimitError";
  }
}

/**
 * Remix's streaming multipart parser, bounded as a whole: at most `maxBytes` of body (boundaries and part
 * headers included) and `maxParts` parts, whatever each part's own handler allows. Past either it throws
 * MultipartLimitError and reads no further. A form of thousands of tiny parts is not a form we sent.
 */
export async function parseBoundedMultipart(request: Request, limits: { maxBytes: number; maxParts: number }, handler: UploadHandler): Promise<FormData> {
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
