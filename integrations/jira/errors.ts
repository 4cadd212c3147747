import { HttpException } from "jira.js";
import { IntegrationError, rateLimitedError, unauthorizedError } from "../types";

// Jira Cloud REST v3 answers failures with `{ errorMessages: [], errors: { field: message } }`
// (https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#status-codes); the API gateway answers an
// expired or unknown token with `401 { code: 401, message: "Unauthorized" }`, and limits with 429 + Retry-After
// (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).

export function jiraUnauthorized(code = "unauthorized"): IntegrationError {
  return unauthorizedError("jira", "Jira", code);
}

/** What jira.js threw, as the one integration error (never carrying the token). */
export function fromJiraError(error: unknown): IntegrationError {
  if (error instanceof IntegrationError) return error;
  if (!(error instanceof HttpException)) {
    // No `cause`: an axios error carries the request's headers, the bearer token among them, into any log.
    const code = (error as { code?: unknown } | null)?.code;
    return new IntegrationError("jira", "unreachable", typeof code === "string" ? code : "unreachable", "Bearing could not reach Jira. Try again in a moment.");
  }
  const status = error.status;
  if (status === 401) return jiraUnauthorized();
  if (status === 429) return rateLimitedError("jira", "Jira", "rate_limited", retryAfter(error));
  const body = (error.response as { data?: { errorMessages?: string[]; errors?: Record<string, string> } } | undefined)?.data;
  const detail = [...(body?.errorMessages ?? []), ...Object.values(body?.errors ?? {})].join(" ").trim();
  if (status === 403) return new IntegrationError("jira", "forbidden", "forbidden", detail || "Jira refused: the connected account lacks permission for this.");
  if (status === 404) return new IntegrationError("jira", "not-found", "not_found", detail || "Jira cannot find that issue or project.");
  return new IntegrationError("jira", "provider", `http_${status}`, detail ? `Jira answered: ${detail}` : `Jira answered with an error (HTTP ${status}).`);
}

function retryAfter(error: HttpException): number {
  const headers = (error.cause as { response?: { headers?: Record<string, unknown> } } | undefined)?.response?.headers;
  const seconds = Number(headers?.["retry-after"]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 60;
}
