/**
 * Imitates OpenAI's Responses API, `POST /v1/responses`, streamed (named SSE events from
 * `response.created` to `response.completed`) and not.
 * Docs: https://platform.openai.com/docs/api-reference/responses and
 * https://platform.openai.com/docs/api-reference/responses-streaming
 */
import type { ServerResponse } from "node:http";
import { openAiFailure } from "./openai-errors";
import { bearerToken, recordsOf, textOf } from "./message-text";
import { fakeId, nowSeconds, startEventStream, sendInChunks, writeEvent } from "./sse";
import type { AnswerContext, Dialect, FramedReply, ParsedRequest } from "./types";

function parse({ headers, body }: { headers: Record<string, string>; body: Record<string, unknown> }): ParsedRequest {
  const items = typeof body.input === "string" ? [{ role: "user", content: body.input }] : recordsOf(body.input);
  const isSystem = (item: Record<string, unknown>) => item.role === "system" || item.role === "developer";
  const format = (body.text as { format?: { type?: string } } | undefined)?.format;
  return {
    apiKey: bearerToken(headers),
    model: String(body.model ?? ""),
    stream: body.stream === true,
    system: [typeof body.instructions === "string" ? body.instructions : "", ...items.filter(isSystem).map((item) => textOf(item.content))]
      .filter(Boolean)
      .join("\n"),
    prompt: items.filter((item) => !isSystem(item)).map((item) => textOf(item.content)).join("\n"),
    structured: format?.type === "json_schema" || format?.type === "json_object",
  };
}

function usageOf(reply: FramedReply) {
  return {
    input_tokens: reply.usage.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: reply.usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: reply.usage.inputTokens + reply.usage.outputTokens,
  };
}

function outputText(text: string) {
  return { type: "output_text", annotations: [], logprobs: [], text };
}

function responseObject(id: string, body: Record<string, unknown>, status: "in_progress" | "completed", output: unknown[], usage: unknown) {
  return {
    id,
    object: "response",
    created_at: nowSeconds(),
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: "default",
    store: true,
    temperature: 1,
    text: body.text ?? { format: { type: "text" } },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    usage,
    user: null,
    metadata: {},
  };
}

async function answer(response: ServerResponse, { body, reply, headers }: AnswerContext) {
  const responseId = fakeId("resp_");
  const messageId = fakeId("msg_");
  const message = (status: string, text: string) => ({ id: messageId, type: "message", status, content: text === "" && status === "in_progress" ? [] : [outputText(text)], role: "assistant" });
  if (body.stream !== true) {
    response.writeHead(200, { ...headers, "content-type": "application/json" });
    response.end(JSON.stringify(responseObject(responseId, body, "completed", [message("completed", reply.text)], usageOf(reply))));
    return;
  }
  startEventStream(response, headers);
  let sequence = 0;
  const send = (type: string, data: Record<string, unknown>) => writeEvent(response, { type, sequence_number: sequence++, ...data }, type);
  send("response.created", { response: responseObject(responseId, body, "in_progress", [], null) });
  send("response.in_progress", { response: responseObject(responseId, body, "in_progress", [], null) });
  send("response.output_item.added", { output_index: 0, item: message("in_progress", "") });
  const part = { item_id: messageId, output_index: 0, content_index: 0 };
  send("response.content_part.added", { ...part, part: outputText("") });
  const held = await sendInChunks(response, reply, (delta) => send("response.output_text.delta", { ...part, delta, logprobs: [] }));
  if (held === "held") return;
  send("response.output_text.done", { ...part, text: reply.text, logprobs: [] });
  send("response.content_part.done", { ...part, part: outputText(reply.text) });
  send("response.output_item.done", { output_index: 0, item: message("completed", reply.text) });
  send("response.completed", { response: responseObject(responseId, body, "completed", [message("completed", reply.text)], usageOf(reply)) });
  response.end();
}

export const openAiResponses: Dialect = {
  provider: "openai-responses",
  handles: (pathname) => pathname.endsWith("/responses"),
  parse,
  failure: openAiFailure,
  answer,
};
