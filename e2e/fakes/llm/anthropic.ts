/**
 * Imitates Anthropic's Messages API, `POST /v1/messages` (`x-api-key`, `anthropic-version`), streamed
 * (named events message_start … message_stop) and not; structured output either as a plain JSON
 * text answer (`output_config.format`) or through the forced tool the AI SDK declares for older
 * models (a `tool_use` block streamed as `input_json_delta`). A browser request (it has an Origin)
 * without `anthropic-dangerous-direct-browser-access: true` gets Anthropic's 401, without CORS headers.
 * Docs: https://docs.anthropic.com/en/api/messages , https://docs.anthropic.com/en/api/messages-streaming ,
 * https://docs.anthropic.com/en/api/errors
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { recordsOf, textOf } from "./message-text";
import { fakeId, startEventStream, sendInChunks, writeEvent } from "./sse";
import { RETRY_AFTER_SECONDS, type AnswerContext, type Dialect, type ErrorAnswer, type FakeLlmFailure, type FramedReply, type ParsedRequest } from "./types";

/** The tool the client forced the model to call, if any: the AI SDK's JSON-output fallback. */
function forcedTool(body: Record<string, unknown>): string | undefined {
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  if (choice?.type === "tool" && choice.name) return choice.name;
  const tools = recordsOf(body.tools);
  if (choice?.type === "any" && tools.length === 1) return String(tools[0]?.name);
  return undefined;
}

function parse({ headers, body }: { headers: Record<string, string>; body: Record<string, unknown> }): ParsedRequest {
  return {
    apiKey: headers["x-api-key"] ?? "",
    model: String(body.model ?? ""),
    stream: body.stream === true,
    system: textOf(body.system),
    prompt: recordsOf(body.messages).map((message) => textOf(message.content)).join("\n"),
    structured: !!(body.output_config as { format?: unknown } | undefined)?.format || !!body.output_format || forcedTool(body) !== undefined,
  };
}

function anthropicError(status: number, type: string, message: string, headers?: Record<string, string>): ErrorAnswer {
  return { status, body: { type: "error", error: { type, message }, request_id: fakeId("req_") }, headers };
}

function failure(kind: FakeLlmFailure, request: ParsedRequest): ErrorAnswer {
  switch (kind) {
    case "bad-key":
      return anthropicError(401, "authentication_error", "invalid x-api-key");
    case "quota":
      // Anthropic answers an account without credit with a 400, not a 429.
      return anthropicError(400, "invalid_request_error", "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.");
    case "rate-limit":
      return anthropicError(
        429,
        "rate_limit_error",
        "This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.anthropic.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.",
        { "retry-after": String(RETRY_AFTER_SECONDS) },
      );
    case "model-not-found":
      return anthropicError(404, "not_found_error", `model: ${request.model}`);
  }
}

function refuseEarly(incoming: IncomingMessage) {
  if (!incoming.headers.origin || incoming.headers["anthropic-dangerous-direct-browser-access"] === "true") return undefined;
  return {
    answer: anthropicError(401, "authentication_error", "CORS requests must set 'anthropic-dangerous-direct-browser-access' header"),
    corsHeaders: false,
  };
}

function usageOf(reply: FramedReply, outputTokens: number) {
  return { input_tokens: reply.usage.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: outputTokens, service_tier: "standard" };
}

async function answer(response: ServerResponse, { body, reply, headers }: AnswerContext) {
  const toolName = forcedTool(body);
  const message = { id: fakeId("msg_01"), type: "message", role: "assistant", model: body.model, stop_sequence: null };
  const toolUse = toolName ? { type: "tool_use", id: fakeId("toolu_01"), name: toolName } : undefined;
  const stopReason = toolUse ? "tool_use" : "end_turn";
  if (body.stream !== true) {
    // A tool call's input is a JSON object on the wire: a responder answering a forced tool must return JSON.
    const content = toolUse ? [{ ...toolUse, input: JSON.parse(reply.text) as unknown }] : [{ type: "text", text: reply.text }];
    response.writeHead(200, { ...headers, "content-type": "application/json", "request-id": fakeId("req_") });
    response.end(JSON.stringify({ ...message, content, stop_reason: stopReason, usage: usageOf(reply, reply.usage.outputTokens) }));
    return;
  }
  startEventStream(response, { ...headers, "request-id": fakeId("req_") });
  const send = (type: string, data: Record<string, unknown> = {}) => writeEvent(response, { type, ...data }, type);
  send("message_start", { message: { ...message, content: [], stop_reason: null, usage: usageOf(reply, 1) } });
  send("content_block_start", { index: 0, content_block: toolUse ? { ...toolUse, input: {} } : { type: "text", text: "" } });
  send("ping");
  if (toolUse) send("content_block_delta", { index: 0, delta: { type: "input_json_delta", partial_json: "" } });
  const held = await sendInChunks(response, reply, (chunk) =>
    send("content_block_delta", { index: 0, delta: toolUse ? { type: "input_json_delta", partial_json: chunk } : { type: "text_delta", text: chunk } }),
  );
  if (held === "held") return;
  send("content_block_stop", { index: 0 });
  send("message_delta", { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: reply.usage.outputTokens } });
  send("message_stop");
  response.end();
}

export const anthropic: Dialect = {
  provider: "anthropic",
  handles: (pathname) => pathname.endsWith("/messages"),
  parse,
  failure,
  answer,
  refuseEarly,
};
