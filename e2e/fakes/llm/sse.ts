/**
 * Server-sent events as the LLM providers frame them (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * OpenAI's Responses API and Anthropic name each event (`event:` line), chat completions and Gemini
 * send bare `data:` lines. Also the chunking every dialect shares, including the "hold" mode that
 * stops mid-answer and leaves the connection open, as a slow model does, until the client aborts.
 */
import type { ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { FramedReply } from "./types";

export function startEventStream(response: ServerResponse, headers: Record<string, string>): void {
  response.writeHead(200, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
}

export function writeEvent(response: ServerResponse, data: unknown, eventName?: string): void {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  response.write(`${eventName ? `event: ${eventName}\n` : ""}data: ${payload}\n\n`);
}

/**
 * Sends the reply's text in chunks through `writeDelta`. Returns "held" when the reply has
 * `holdAfter`: the text up to there has been sent, and the promise settles only once the client
 * has gone (the caller must then write nothing more).
 */
export async function sendInChunks(response: ServerResponse, reply: FramedReply, writeDelta: (delta: string) => void): Promise<"done" | "held"> {
  const end = reply.holdAfter === undefined ? reply.text.length : Math.min(reply.holdAfter, reply.text.length);
  for (let start = 0; start < end; start += reply.chunkSize) {
    writeDelta(reply.text.slice(start, Math.min(start + reply.chunkSize, end)));
    // One chunk per turn of the event loop, so they leave as separate writes.
    await nextTurn();
  }
  if (reply.holdAfter === undefined) return "done";
  if (!response.destroyed) await new Promise<void>((resolve) => response.once("close", () => resolve()));
  return "held";
}

/** Provider-looking ids: a prefix and random base-36 digits. */
export function fakeId(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 12)}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
