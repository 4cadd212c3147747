/**
 * OpenAI's error bodies and statuses, shared by the Responses and chat completions dialects
 * (Groq and the OpenAI-compatible servers copy this shape).
 * Docs: https://platform.openai.com/docs/guides/error-codes/api-errors
 */
import { RETRY_AFTER_SECONDS, type ErrorAnswer, type FakeLlmFailure, type ParsedRequest } from "./types";

function openAiError(status: number, message: string, type: string, code: string | null, headers?: Record<string, string>): ErrorAnswer {
  return { status, body: { error: { message, type, param: null, code } }, headers };
}

/** OpenAI echoes a masked key in its 401 message; the app must not pass even that on. */
function maskedKey(key: string): string {
  return key.length <= 8 ? "*".repeat(key.length) : `${key.slice(0, 3)}${"*".repeat(key.length - 7)}${key.slice(-4)}`;
}

export function openAiFailure(failure: FakeLlmFailure, request: ParsedRequest): ErrorAnswer {
  switch (failure) {
    case "bad-key":
      if (!request.apiKey) {
        return openAiError(
          401,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
          "invalid_request_error",
          null,
        );
      }
      return openAiError(
        401,
        `Incorrect API key provided: ${maskedKey(request.apiKey)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        "invalid_request_error",
        "invalid_api_key",
      );
    case "quota":
      return openAiError(
        429,
        "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        "insufficient_quota",
        "insufficient_quota",
      );
    case "rate-limit":
      return openAiError(
        429,
        `Rate limit reached for ${request.model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${RETRY_AFTER_SECONDS}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        "requests",
        "rate_limit_exceeded",
        { "retry-after": String(RETRY_AFTER_SECONDS), "x-ratelimit-reset-requests": `${RETRY_AFTER_SECONDS}s` },
      );
    case "model-not-found":
      return openAiError(
        404,
        `The model \`${request.model}\` does not exist or you do not have access to it.`,
        "invalid_request_error",
        "model_not_found",
      );
  }
}
