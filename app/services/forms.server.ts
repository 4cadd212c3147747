import { data, redirect } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";

/**
 * The answer to a form that did not go through: the submission with its field errors and the
 * user's input (minus secrets), for the page to render again.
 */
export function rejected(result: SubmissionResult<string[]>, status = 400) {
  return data({ result }, { status });
}

/**
 * Where a new item went. A form gets a redirect to it; a page saving AI proposals one by one
 * through a fetcher (`_stay=1`) gets its address as data instead, and stays where it is.
 */
export function created(formData: FormData, url: string, id: string) {
  return formData.get("_stay") === "1" ? data({ created: { id, url } }) : redirect(url);
}

/**
 * Where an edited item is. A form gets a redirect to it; an agent's accepted proposal, posted by a
 * fetcher with `_stay=1`, gets `{ saved: { url } }` as data and its panel stays open.
 */
export function saved(formData: FormData, url: string) {
  return formData.get("_stay") === "1" ? data({ saved: { url } }) : redirect(url);
}

/** "ai" for an item an agent proposed and the user accepted (PRODUCT.md §4); "manual" otherwise. */
export function submittedSource(formData: FormData): "ai" | "manual" {
  return formData.get("source") === "ai" ? "ai" : "manual";
}
