import { APIResponseError, isNotionClientError } from "@notionhq/client";
import { IntegrationError, rateLimitedError, unauthorizedError } from "../types";

// Notion answers failures with `{ object: "error", status, code, message }` and limits with 429 `rate_limited`
// plus Retry-After (https://developers.notion.com/reference/status-codes, https://developers.notion.com/reference/request-limits).

export function notionUnauthorized(code = "unauthorized"): IntegrationError {
  return unauthorizedError("notion", "Notion", code);
}

/** What @notionhq/client threw, as the one integration error (never carrying the token or the request). */
export function fromNotionError(error: unknown): IntegrationError {
  if (error instanceof IntegrationError) return error;
  if (!isNotionClientError(error) || !(error instanceof APIResponseError)) {
    const code = isNotionClientError(error) ? error.code : "unreachable";
    return new IntegrationError("notion", "unreachable", code, "Bearing could not reach Notion. Try again in a moment.");
  }
  if (error.status === 401) return notionUnauthorized(error.code);
  if (error.status === 429) return rateLimitedError("notion", "Notion", "rate_limited", retryAfter(error.headers));
  if (error.status === 404) {
    return new IntegrationError("notion", "not-found", error.code, "Notion cannot find that page or database, or it is not shared with Bearing. Share it with the Bearing integration in Notion.");
  }
  if (error.status === 403) return new IntegrationError("notion", "forbidden", error.code, `Notion refused: ${error.message}`);
  return new IntegrationError("notion", "provider", error.code, `Notion answered: ${error.message}`);
}

function retryAfter(headers: unknown): number {
  const value = headers instanceof Headers ? headers.get("retry-after") : (headers as Record<string, string> | undefined)?.["retry-after"];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 60;
}
