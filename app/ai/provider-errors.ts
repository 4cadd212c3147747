import { APICallError, JSONParseError, NoObjectGeneratedError, NoOutputGeneratedError, RetryError, TypeValidationError } from "ai";
import { PROVIDERS, type ProviderId } from "./providers";

export interface ProviderProblem {
  kind: "bad-key" | "quota" | "rate-limit" | "model-not-found" | "cors" | "network" | "invalid-output" | "aborted" | "unknown";
  title: string;
  message: string;
  fix: string;
  retryAfterSeconds?: number;
}

export interface ProviderErrorContext {
  providerLabel: string;
  provider: ProviderId;
  baseUrl: string;
  model: string;
  /**
   * What `diagnoseUnreachable` found when the request never got an answer. A browser reports a
   * CORS refusal and a dead server as the same TypeError, so without it such a failure reads "network".
   */
  unreachable?: "cors" | "network";
}

/**
 * Turns whatever the AI SDK or fetch threw into what the user should read: the cause named, the
 * provider named, and the fix. Uses the SDK's `isInstance` checks (marker symbols), which hold
 * across bundles where `instanceof` does not. Never quotes the key: providers' own messages are
 * only ever shown after key-like strings are masked.
 */
export function describeProviderError(error: unknown, context: ProviderErrorContext): ProviderProblem {
  const cause = underlyingError(error);
  if (isAbort(cause)) {
    return { kind: "aborted", title: "Stopped", message: `The call to ${context.providerLabel} was stopped before it finished.`, fix: "Run it again when you are ready." };
  }
  if (APICallError.isInstance(cause)) {
    return cause.statusCode === undefined ? unreachable(context) : fromResponse(cause, context);
  }
  if (NoObjectGeneratedError.isInstance(cause) || NoOutputGeneratedError.isInstance(cause) || TypeValidationError.isInstance(cause) || JSONParseError.isInstance(cause)) {
    return {
      kind: "invalid-output",
      title: "Unexpected answer",
      message: `${context.providerLabel}'s answer (model ${context.model}) did not match the shape Bearing expects, so nothing was kept.`,
      fix: "Retry; models sometimes stray. If it keeps happening, pick a larger model in Settings → AI keys.",
    };
  }
  if (isFetchFailure(cause)) return unreachable(context);
  return unknownProblem(context, cause instanceof Error ? cause.message : undefined);
}

/**
 * In the browser, a fetch TypeError means CORS refusal or network failure. A `no-cors` request
 * needs no CORS permission: it resolves (with an opaque answer) whenever the server answers at all,
 * so success means the server is there and refused CORS.
 */
export async function diagnoseUnreachable(baseUrl: string): Promise<"cors" | "network"> {
  return fetch(baseUrl, { mode: "no-cors", credentials: "omit", cache: "no-store", signal: AbortSignal.timeout(5000) }).then(
    () => "cors" as const,
    // The probe itself failing is the answer: nothing listens there (or the address is wrong).
    () => "network" as const,
  );
}

/** Retries and stream wrappers hide the failure that matters: unwrap to it. */
function underlyingError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    if (RetryError.isInstance(current)) current = current.lastError;
    else if (NoOutputGeneratedError.isInstance(current) && current.cause !== undefined) current = current.cause;
    else return current;
  }
  return current;
}

function isAbort(error: unknown): boolean {
  return (error instanceof Error || (typeof DOMException !== "undefined" && error instanceof DOMException)) && error.name === "AbortError";
}

// Chromium, Node (undici), Firefox and Safari word a failed fetch differently.
const FETCH_FAILURES = ["failed to fetch", "fetch failed", "networkerror when attempting to fetch resource.", "load failed"];

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && FETCH_FAILURES.includes(error.message.toLowerCase());
}

function fromResponse(error: APICallError, context: ProviderErrorContext): ProviderProblem {
  const body = readProviderErrorBody(error.responseBody);
  const status = error.statusCode ?? 0;
  if (/CORS requests/i.test(body.message)) return corsProblem(context);
  if (status === 401 || status === 403 || body.reason === "API_KEY_INVALID") return badKey(context);
  if (status === 402 || body.code.includes("insufficient_quota") || /credit balance is too low/i.test(body.message)) return quotaProblem(context);
  if (status === 429) {
    // Gemini answers both a per-minute and a per-day limit with RESOURCE_EXHAUSTED; the quota id tells which.
    if (body.quotaIds.length > 0 && !body.quotaIds.some((id) => /PerMinute/i.test(id))) return quotaProblem(context);
    return rateLimitProblem(context, retryAfterSeconds(error.responseHeaders, body));
  }
  if (status === 404 && /model/i.test(body.message + body.code)) return modelNotFound(context);
  return unknownProblem(context, body.message || `HTTP ${status}`, status);
}

function retryAfterSeconds(headers: Record<string, string> | undefined, body: ProviderErrorBody): number | undefined {
  const milliseconds = Number(headers?.["retry-after-ms"]);
  if (milliseconds > 0) return Math.ceil(milliseconds / 1000);
  const seconds = Number(headers?.["retry-after"]);
  if (seconds > 0) return Math.ceil(seconds);
  return body.retryDelaySeconds;
}

function isLocal(baseUrl: string): boolean {
  return URL.canParse(baseUrl) && ["localhost", "127.0.0.1", "[::1]", "0.0.0.0"].includes(new URL(baseUrl).hostname);
}

function appOrigin(): string {
  return typeof window === "undefined" ? "http://localhost:3000" : window.location.origin;
}

function unreachable(context: ProviderErrorContext): ProviderProblem {
  if (context.unreachable === "cors") return corsProblem(context);
  return {
    kind: "network",
    title: "Provider unreachable",
    message: `Could not reach ${context.providerLabel} at ${context.baseUrl}.`,
    fix: isLocal(context.baseUrl)
      ? "Check that the server is running on this computer and that the base URL in Settings → AI keys is right."
      : "Check your connection and the base URL in Settings → AI keys, then retry.",
  };
}

function corsProblem(context: ProviderErrorContext): ProviderProblem {
  const title = "Browser calls refused";
  if (context.provider === "openai-compatible" && isLocal(context.baseUrl)) {
    return {
      kind: "cors",
      title,
      message: `The server at ${context.baseUrl} answered, but refused calls from this web page (CORS).`,
      fix: `For Ollama, restart it allowing this site: OLLAMA_ORIGINS=${appOrigin()} ollama serve. For LM Studio, turn on "Enable CORS" in its server settings.`,
    };
  }
  return {
    kind: "cors",
    title,
    message: `${context.providerLabel} refused a call from this browser (CORS): the provider or your organisation does not allow browser access.`,
    fix:
      context.provider === "openai-compatible"
        ? "Allow this site's origin in the server's CORS settings, or use a provider that accepts browser calls."
        : `Ask your ${context.providerLabel} organisation's admin to allow browser access, or use another provider in Settings → AI keys.`,
  };
}

function badKey(context: ProviderErrorContext): ProviderProblem {
  const info = PROVIDERS[context.provider];
  return {
    kind: "bad-key",
    title: "Key rejected",
    message: info.keyRequired ? `${context.providerLabel} rejected the key.` : `${context.providerLabel} at ${context.baseUrl} wants a key it accepts.`,
    fix: `Check it in Settings → AI keys${info.keyRequired ? `, or create a new one at ${info.keysUrl}` : ""}.`,
  };
}

function quotaProblem(context: ProviderErrorContext): ProviderProblem {
  return {
    kind: "quota",
    title: "No credit left",
    message: `${context.providerLabel} says this key's account has no credit or quota left.`,
    fix: `Add credit or raise the limit in your ${context.providerLabel} billing settings, then retry.`,
  };
}

function rateLimitProblem(context: ProviderErrorContext, seconds: number | undefined): ProviderProblem {
  return {
    kind: "rate-limit",
    title: "Too many requests",
    message: `${context.providerLabel} is limiting how often this key may call it${seconds ? `; it asks to wait ${seconds} seconds` : ""}.`,
    fix: seconds ? `Retry in ${seconds} seconds.` : "Wait a minute, then retry.",
    ...(seconds ? { retryAfterSeconds: seconds } : {}),
  };
}

function modelNotFound(context: ProviderErrorContext): ProviderProblem {
  const local = context.provider === "openai-compatible" && isLocal(context.baseUrl);
  return {
    kind: "model-not-found",
    title: "Model not found",
    message: `${context.providerLabel} has no model "${context.model}" that this key may use.`,
    fix: local
      ? `Download it first (for Ollama: ollama pull ${context.model}), or pick another model in Settings → AI keys.`
      : "Pick another model in Settings → AI keys.",
  };
}

/** Provider messages can echo a (masked) key: mask anything that looks like one before showing it. */
function withoutKeys(text: string): string {
  return text.replace(/\b(?:sk|gsk|AIza|xai|pk|rk)[-_A-Za-z0-9*.]{8,}/g, "[key]").slice(0, 300);
}

function unknownProblem(context: ProviderErrorContext, detail: string | undefined, status?: number): ProviderProblem {
  return {
    kind: "unknown",
    title: "The call failed",
    message: `${context.providerLabel} answered with an error${status ? ` (HTTP ${status})` : ""}${detail ? `: ${withoutKeys(detail)}` : "."}`,
    fix: "Retry in a moment; if it keeps failing, check the provider's status page and your settings in Settings → AI keys.",
  };
}

/** The parts of the providers' error bodies that tell causes apart (OpenAI, Anthropic, Gemini, Ollama shapes). */
interface ProviderErrorBody {
  message: string;
  /** OpenAI's `code`, Anthropic's error `type`, Gemini's `status`, space-separated. */
  code: string;
  /** Gemini's ErrorInfo reason, e.g. API_KEY_INVALID. */
  reason?: string;
  /** Gemini's QuotaFailure quota ids. */
  quotaIds: string[];
  retryDelaySeconds?: number;
}

function parsedBody(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Some servers (a proxy, a wrong base URL) answer errors in plain text: that text is the message.
    return { error: text };
  }
}

function readProviderErrorBody(responseBody: string | undefined): ProviderErrorBody {
  const parsed = parsedBody(responseBody);
  // Gemini's non-SSE stream wraps its error in an array.
  const root = (Array.isArray(parsed) ? parsed[0] : parsed) as { error?: unknown } | undefined;
  const error = root?.error;
  if (typeof error === "string") return { message: error, code: "", quotaIds: [] };
  const fields = (error ?? {}) as { message?: unknown; code?: unknown; type?: unknown; status?: unknown; details?: unknown };
  const details = (Array.isArray(fields.details) ? fields.details : []) as { reason?: string; retryDelay?: string; violations?: { quotaId?: string }[] }[];
  const retryDelay = details.find((detail) => typeof detail.retryDelay === "string")?.retryDelay;
  return {
    message: typeof fields.message === "string" ? fields.message : "",
    code: [fields.code, fields.type, fields.status].filter((part) => typeof part === "string").join(" "),
    reason: details.find((detail) => typeof detail.reason === "string")?.reason,
    quotaIds: details.flatMap((detail) => detail.violations ?? []).flatMap((violation) => (violation.quotaId ? [violation.quotaId] : [])),
    retryDelaySeconds: retryDelay ? Math.ceil(parseFloat(retryDelay)) : undefined,
  };
}
