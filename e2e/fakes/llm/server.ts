/**
 * A fake of the LLM providers Bearing's browser code calls — OpenAI (Responses API and chat
 * completions, which Groq, Ollama, LM Studio, OpenRouter and vLLM also speak), Anthropic's Messages
 * API and Gemini's native API — on one local port, answering each in its own wire format: the
 * per-provider files name the API they imitate and link its docs. Used by vitest in Node and by
 * Playwright, where Chromium calls it cross-origin, so it answers CORS as the real APIs do.
 *
 * Base URLs: `${url}/v1` for OpenAI, Anthropic, Groq and OpenAI-compatible; `${url}/v1beta` for Gemini.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { anthropic } from "./anthropic";
import { browserCorsHeaders, answerPreflight } from "./cors";
import { gemini } from "./gemini";
import { estimateTokens } from "./message-text";
import { openAiChat } from "./openai-chat";
import { openAiResponses } from "./openai-responses";
import { nowSeconds } from "./sse";
import type { Dialect, ErrorAnswer, FakeLlmFailure, FakeLlmReply, FakeLlmRequest, KeyBehaviour } from "./types";

export type { FakeLlmProvider, FakeLlmReply, FakeLlmRequest, KeyBehaviour } from "./types";

export type FakeLlmResponder = (request: FakeLlmRequest) => FakeLlmReply | Promise<FakeLlmReply>;

export interface FakeLlm {
  /** e.g. http://127.0.0.1:43210 */
  url: string;
  /** What the next calls answer. A responder gets the parsed request and returns the reply text. */
  respond(responder: FakeLlmResponder): void;
  /** Every request received, refused ones included (for assertions on prompts). */
  requests: FakeLlmRequest[];
  close(): Promise<void>;
}

export interface FakeLlmOptions {
  port?: number;
  /** Known keys and how each behaves; any other key gets a 401. Without this option every key (or none) is valid. */
  keys?: Record<string, KeyBehaviour>;
  /** Models that exist; others get the provider's 404. Without this option every model exists. */
  models?: string[];
  /** "refuse": no CORS headers at all, as a provider (or Ollama without OLLAMA_ORIGINS) that refuses browsers. */
  cors?: "allow" | "refuse";
}

const DIALECTS: Dialect[] = [openAiResponses, openAiChat, anthropic, gemini];
const DEFAULT_REPLY: FakeLlmReply = { text: "This is the fake LLM's answer." };

function flatHeaders(incoming: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(incoming.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]));
}

async function readJson(incoming: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function sendJson(response: ServerResponse, answer: ErrorAnswer, corsHeaders: Record<string, string>): void {
  response.writeHead(answer.status, { ...corsHeaders, ...answer.headers, "content-type": "application/json" });
  response.end(JSON.stringify(answer.body));
}

export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const requests: FakeLlmRequest[] = [];
  let responder: FakeLlmResponder = () => DEFAULT_REPLY;

  function failureFor(apiKey: string, model: string): FakeLlmFailure | undefined {
    const behaviour = options.keys ? options.keys[apiKey] : "valid";
    if (behaviour === undefined) return "bad-key";
    if (behaviour !== "valid") return behaviour;
    if (options.models && !options.models.includes(model)) return "model-not-found";
    return undefined;
  }

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? "/", "http://fake-llm.local");
    const cors = options.cors === "refuse" ? {} : browserCorsHeaders(incoming);
    if (incoming.method === "OPTIONS") return answerPreflight(incoming, response, options.cors ?? "allow");
    const headers = flatHeaders(incoming);

    if (incoming.method === "GET" && url.pathname.endsWith("/models")) {
      const apiKey = (headers.authorization ?? "").replace(/^Bearer\s+/i, "");
      const failure = failureFor(apiKey, "");
      if (failure && failure !== "model-not-found") return sendJson(response, openAiChat.failure(failure, { apiKey, model: "", stream: false, system: "", prompt: "", structured: false }), cors);
      const data = (options.models ?? ["gpt-4.1-mini", "llama3.2"]).map((id) => ({ id, object: "model", created: nowSeconds(), owned_by: "fake-llm" }));
      return sendJson(response, { status: 200, body: { object: "list", data } }, cors);
    }

    const dialect = DIALECTS.find((candidate) => candidate.handles(url.pathname));
    if (incoming.method !== "POST" || !dialect) {
      return sendJson(response, { status: 404, body: { error: { message: `Unknown request URL: ${incoming.method} ${url.pathname}.`, type: "invalid_request_error", param: null, code: "unknown_url" } } }, cors);
    }
    const early = dialect.refuseEarly?.(incoming);
    const body = await readJson(incoming);
    const parsed = dialect.parse({ url, headers, body });
    const request: FakeLlmRequest = { provider: dialect.provider, path: url.pathname + url.search, headers, body, ...parsed };
    requests.push(request);
    if (early) return sendJson(response, early.answer, early.corsHeaders ? cors : {});

    const failure = failureFor(parsed.apiKey, parsed.model);
    if (failure) return sendJson(response, dialect.failure(failure, parsed), cors);

    const reply = await responder(request);
    if ("fail" in reply) return sendJson(response, dialect.failure(reply.fail, parsed), cors);
    const usage = reply.usage ?? { inputTokens: estimateTokens(parsed.system + parsed.prompt), outputTokens: estimateTokens(reply.text) };
    await dialect.answer(response, { request: parsed, body, url, headers: cors, reply: { text: reply.text, chunkSize: reply.chunkSize ?? 12, holdAfter: reply.holdAfter, usage } });
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      // A responder or request the fake cannot handle is a bug in the test: make it loud.
      if (response.headersSent) return void response.destroy();
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: { message: `fake LLM: ${error instanceof Error ? error.message : String(error)}`, type: "server_error" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    respond(next) {
      responder = next;
    },
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Held streams stay open until the client aborts; a closing fake ends them.
        server.closeAllConnections();
      }),
  };
}
