import type { AiAgentName, UsageReport } from "./schema";

/**
 * Sends one usage report to our own origin, never anywhere else (PRODUCT.md §6 promise 5). A beacon
 * survives the page being left; where there is none, a keepalive fetch does the same.
 */
export function reportUsage(report: UsageReport): void {
  if (typeof window === "undefined") return;
  const body = JSON.stringify(report);
  try {
    if (navigator.sendBeacon?.("/usage", new Blob([body], { type: "application/json" }))) return;
    void fetch("/usage", { method: "POST", body, keepalive: true, headers: { "content-type": "application/json" } }).catch(() => {});
  } catch {
    // Counting is never worth disturbing the person using the page.
  }
}

/** An AI agent started (app/ai): counted by name only. */
export function reportAgentRun(agent: AiAgentName): void {
  reportUsage({ kind: "feature", name: `ai.${agent}`, slug: currentSlug() });
}

/** The workspace in the address, which the server credits only if the sender is one of its members. */
export function currentSlug(): string | undefined {
  const slug = window.location.pathname.match(/^\/w\/([^/]+)/)?.[1];
  try {
    return slug ? decodeURIComponent(slug) : undefined;
  } catch {
    return undefined;
  }
}
