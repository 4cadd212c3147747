/**
 * Imitates OpenAI's chat completions API, `POST /v1/chat/completions` — the dialect Groq, Ollama,
 * LM Studio, OpenRouter and vLLM speak. Streams are bare `data:` chunks ending in `data: [DONE]`,
 * with a last usage chunk (empty `choices`) when `stream_options.include_usage` is set.
 * Docs: https://platform.openai.com/docs/api-reference/chat and
 * https://platform.openai.com/docs/api-reference/chat-streaming
 */
import type { ServerResponse } from "node:http";
import { openAiFailure } from "./openai-errors";
import { bearerToken, recordsOf, textOf } from "./message-text";
import { fakeId, nowSeconds, startEventStream, sendInChunks, writeEvent } from "./sse";
import type { AnswerContext, Dialect, FramedReply, ParsedRequest } from "./types";

function parse({ headers, body }: { headers: Record<string, string>; body: Record<string, unknown> }): ParsedRequest {
  const messages = recordsOf(body.messages);
  const isSystem = (message: Record<string, unknown>) => message.role === "system" || message.role === "developer";
  const format = (body.response_format as { type?: string } | undefined)?.type;
  return {
    apiKey: bearerToken(headers),
    model: String(body.model ?? ""),
    stream: body.stream === true,
    system: messages.filter(isSystem).map((message) => textOf(message.content)).join("\n"),
    prompt: messages.filter((message) => !isSystem(message)).map((message) => textOf(message.content)).join("\n"),
    structured: format === "json_schema" || format === "json_object",
  };
}

function usageOf(reply: FramedReply) {
  return {
    prompt_tokens: reply.usage.inputTokens,
    completion_tokens: reply.usage.outputTokens,
    total_tokens: reply.usage.inputTokens + reply.usage.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

async function answer(response: ServerResponse, { body, reply, headers }: AnswerContext) {
  const envelope = { id: fakeId("chatcmpl-"), created: nowSeconds(), model: body.model, system_fingerprint: "fp_fake", service_tier: "default" };
  if (body.stream !== true) {
    response.writeHead(200, { ...headers, "content-type": "application/json" });
    response.end(
      JSON.stringify({
        ...envelope,
        object: "chat.completion",
        choices: [{ index: 0, message: { role: "assistant", content: reply.text, refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }],
        usage: usageOf(reply),
      }),
    );
    return;
  }
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const chunk = (choices: unknown[], usage?: unknown) => ({ ...envelope, object: "chat.completion.chunk", choices, ...(includeUsage ? { usage: usage ?? null } : {}) });
  const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finishReason });
  startEventStream(response, headers);
  writeEvent(response, chunk([choice({ role: "assistant", content: "", refusal: null })]));
  const held = await sendInChunks(response, reply, (content) => writeEvent(response, chunk([choice({ content })])));
  if (held === "held") return;
  writeEvent(response, chunk([choice({}, "stop")]));
  if (includeUsage) writeEvent(response, chunk([], usageOf(reply)));
  writeEvent(response, "[DONE]");
  response.end();
}

export const openAiChat: Dialect = {
  provider: "openai-chat",
  handles: (pathname) => pathname.endsWith("/chat/completions"),
  parse,
  failure: openAiFailure,
  answer,
};
