/**
 * Imitates the Gemini API's native endpoints, `POST /v1beta/models/{model}:generateContent` and
 * `:streamGenerateContent` (`?alt=sse` for server-sent events, as the AI SDK asks; otherwise a
 * streamed JSON array), key in `x-goog-api-key` or `?key=`, errors in Google's `google.rpc.Status` shape.
 * Docs: https://ai.google.dev/api/generate-content , https://ai.google.dev/gemini-api/docs/troubleshooting
 */
import type { ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";
import { recordsOf, textOf } from "./message-text";
import { fakeId, startEventStream, sendInChunks } from "./sse";
import { RETRY_AFTER_SECONDS, type AnswerContext, type Dialect, type ErrorAnswer, type FakeLlmFailure, type FramedReply, type ParsedRequest } from "./types";

const METHOD_PATH = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

function parse({ url, headers, body }: { url: URL; headers: Record<string, string>; body: Record<string, unknown> }): ParsedRequest {
  const [, model = "", method] = METHOD_PATH.exec(url.pathname) ?? [];
  const config = (body.generationConfig ?? {}) as Record<string, unknown>;
  return {
    apiKey: headers["x-goog-api-key"] ?? url.searchParams.get("key") ?? "",
    model: decodeURIComponent(model),
    stream: method === "streamGenerateContent",
    system: textOf((body.systemInstruction as { parts?: unknown } | undefined)?.parts),
    prompt: recordsOf(body.contents).map((content) => textOf(content.parts)).join("\n"),
    structured: !!config.responseSchema || !!config.responseJsonSchema || config.responseMimeType === "application/json",
  };
}

function googleError(code: number, status: string, message: string, details: unknown[] = []): ErrorAnswer {
  return { status: code, body: { error: { code, message, status, details } } };
}

const QUOTA_MESSAGE =
  "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.";

function quotaFailure(quotaId: string, model: string) {
  return {
    "@type": "type.googleapis.com/google.rpc.QuotaFailure",
    violations: [{ quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests", quotaId, quotaDimensions: { model, location: "global" } }],
  };
}

function failure(kind: FakeLlmFailure, request: ParsedRequest): ErrorAnswer {
  switch (kind) {
    case "bad-key":
      if (!request.apiKey) {
        return googleError(
          403,
          "PERMISSION_DENIED",
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        );
      }
      return googleError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [
        { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
        { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message: "API key not valid. Please pass a valid API key." },
      ]);
    case "quota":
      return googleError(429, "RESOURCE_EXHAUSTED", QUOTA_MESSAGE, [
        quotaFailure("GenerateRequestsPerDayPerProjectPerModel-FreeTier", request.model),
        { "@type": "type.googleapis.com/google.rpc.Help", links: [{ description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits" }] },
      ]);
    case "rate-limit":
      // Gemini tells when to retry in the body (RetryInfo), not in a Retry-After header.
      return googleError(429, "RESOURCE_EXHAUSTED", `${QUOTA_MESSAGE} Please retry in ${RETRY_AFTER_SECONDS}s.`, [
        quotaFailure("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", request.model),
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${RETRY_AFTER_SECONDS}s` },
      ]);
    case "model-not-found":
      return googleError(
        404,
        "NOT_FOUND",
        `models/${request.model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
      );
  }
}

function usageOf(reply: FramedReply) {
  return {
    promptTokenCount: reply.usage.inputTokens,
    candidatesTokenCount: reply.usage.outputTokens,
    totalTokenCount: reply.usage.inputTokens + reply.usage.outputTokens,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: reply.usage.inputTokens }],
  };
}

async function answer(response: ServerResponse, { request, url, reply, headers }: AnswerContext) {
  const envelope = { modelVersion: request.model, responseId: fakeId("") };
  const candidate = (text: string, finished: boolean) => ({ content: { parts: [{ text }], role: "model" }, ...(finished ? { finishReason: "STOP" } : {}), index: 0 });
  const chunk = (text: string) => ({ candidates: [candidate(text, false)], usageMetadata: { promptTokenCount: reply.usage.inputTokens, totalTokenCount: reply.usage.inputTokens }, ...envelope });
  const last = { candidates: [candidate("", true)], usageMetadata: usageOf(reply), ...envelope };
  if (!request.stream) {
    response.writeHead(200, { ...headers, "content-type": "application/json; charset=UTF-8" });
    response.end(JSON.stringify({ candidates: [candidate(reply.text, true)], usageMetadata: usageOf(reply), ...envelope }));
    return;
  }
  if (url.searchParams.get("alt") === "sse") {
    startEventStream(response, headers);
    const send = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\r\n\r\n`);
    if ((await sendInChunks(response, reply, (text) => send(chunk(text)))) === "held") return;
    send(last);
    response.end();
    return;
  }
  response.writeHead(200, { ...headers, "content-type": "application/json; charset=UTF-8" });
  let separator = "[";
  const held = await sendInChunks(response, reply, (text) => {
    response.write(`${separator}${JSON.stringify(chunk(text))}`);
    separator = ",\r\n";
  });
  if (held === "held") return;
  await nextTurn();
  response.end(`${separator}${JSON.stringify(last)}]`);
}

export const gemini: Dialect = {
  provider: "gemini",
  handles: (pathname) => METHOD_PATH.test(pathname),
  parse,
  failure,
  answer,
};
