/**
 * CORS as the LLM APIs answer browsers (https://fetch.spec.whatwg.org/#http-cors-protocol): a
 * preflight names the request headers the providers' SDKs send, and every answer — errors and
 * streams too — carries `access-control-allow-origin`. A refusing server (a provider that blocks
 * browsers, or Ollama without OLLAMA_ORIGINS) sends no CORS headers and rejects the preflight.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** Headers the AI SDK providers set (the SDK adds `user-agent` in browsers too) plus the vendor SDKs' own. */
export const ALLOWED_REQUEST_HEADERS = [
  "authorization",
  "content-type",
  "user-agent",
  "x-api-key",
  "anthropic-version",
  "anthropic-beta",
  "anthropic-dangerous-direct-browser-access",
  "x-goog-api-key",
  "x-goog-api-client",
  "openai-organization",
  "openai-project",
];

/** The official OpenAI and Anthropic SDKs send a family of `x-stainless-*` headers; allow-headers takes no wildcards, so name them back. */
const STAINLESS_HEADER = /^x-stainless-[a-z0-9-]+$/;

export function browserCorsHeaders(incoming: IncomingMessage): Record<string, string> {
  const origin = incoming.headers.origin;
  return origin
    ? { "access-control-allow-origin": origin, vary: "Origin", "access-control-expose-headers": "*" }
    : { "access-control-allow-origin": "*", "access-control-expose-headers": "*" };
}

export function answerPreflight(incoming: IncomingMessage, response: ServerResponse, cors: "allow" | "refuse"): void {
  if (cors === "refuse") {
    response.writeHead(403);
    response.end();
    return;
  }
  const requested = String(incoming.headers["access-control-request-headers"] ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => STAINLESS_HEADER.test(name));
  response.writeHead(204, {
    ...browserCorsHeaders(incoming),
    "access-control-allow-methods": "POST, GET, OPTIONS",
    "access-control-allow-headers": [...ALLOWED_REQUEST_HEADERS, ...requested].join(", "),
    "access-control-max-age": "86400",
  });
  response.end();
}
