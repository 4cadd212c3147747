/**
 * The contract between the fake LLM server's core (server.ts) and its per-provider dialects
 * (openai-responses.ts, openai-chat.ts, anthropic.ts, gemini.ts). Each dialect imitates one real
 * HTTP API; the core routes, checks keys and models, and records requests.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type FakeLlmProvider = "openai-responses" | "openai-chat" | "anthropic" | "gemini";

export interface FakeLlmRequest {
  provider: FakeLlmProvider;
  path: string;
  headers: Record<string, string>;
  apiKey: string;
  model: string;
  stream: boolean;
  system: string;
  /** All user and assistant text, concatenated. */
  prompt: string;
  /** A JSON answer was asked for (a schema, or JSON mode). */
  structured: boolean;
  body: unknown;
}

/** A reply, or a refusal for this one call (a rate limit that passes, a model that went away). */
export type FakeLlmReply = FakeLlmAnswer | { fail: FakeLlmFailure };

export interface FakeLlmAnswer {
  text: string;
  /** Stream chunk size in characters; default 12. */
  chunkSize?: number;
  /** Stop streaming after this many characters and hold the connection open until the client aborts. */
  holdAfter?: number;
  usage?: { inputTokens: number; outputTokens: number };
}

export type KeyBehaviour = "valid" | "quota" | "rate-limit";

/** What the fake refuses a request for, each answered in the provider's own error format. */
export type FakeLlmFailure = "bad-key" | "quota" | "rate-limit" | "model-not-found";

export const RETRY_AFTER_SECONDS = 7;

/** A reply with its usage settled: what a dialect frames. */
export interface FramedReply {
  text: string;
  chunkSize: number;
  holdAfter?: number;
  usage: { inputTokens: number; outputTokens: number };
}

/** What a dialect reads from a request; the core adds path, headers and body. */
export type ParsedRequest = Omit<FakeLlmRequest, "provider" | "path" | "headers" | "body">;

export interface ErrorAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface AnswerContext {
  request: ParsedRequest;
  body: Record<string, unknown>;
  url: URL;
  reply: FramedReply;
  /** CORS headers to put on the answer. */
  headers: Record<string, string>;
}

export interface Dialect {
  provider: FakeLlmProvider;
  /** Whether this dialect answers `POST <pathname>`. */
  handles(pathname: string): boolean;
  parse(request: { url: URL; headers: Record<string, string>; body: Record<string, unknown> }): ParsedRequest;
  failure(failure: FakeLlmFailure, request: ParsedRequest): ErrorAnswer;
  /** Writes the whole answer (status, the given headers, body), streamed when the request asked for it. */
  answer(response: ServerResponse, context: AnswerContext): Promise<void>;
  /** A refusal before keys are checked (Anthropic's browser opt-in header), or undefined. */
  refuseEarly?(incoming: IncomingMessage): { answer: ErrorAnswer; corsHeaders: boolean } | undefined;
}
