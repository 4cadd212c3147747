import { data, redirect } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { AppError } from "./errors.server";

/**
 * The answer to a form that did not go through: the submission with its field errors and the
 * user's input (minus secrets), for the page to render again.
 */
export function rejected(result: SubmissionResult<string[]>, status = 400) {
  return data({ result }, { status });
}

/** A form posted by a fetcher that keeps its page (`_stay=1`): an agent's panel saving proposals one by one. */
export function staysOnPage(formData: FormData | URLSearchParams): boolean {
  return formData.get("_stay") === "1";
}

/**
 * Where a new item went. A form gets a redirect to it; a page saving AI proposals one by one
 * through a fetcher (`_stay=1`) gets its address as data instead, and stays where it is.
 */
export function created(formData: FormData, url: string, id: string) {
  return staysOnPage(formData) ? data({ created: { id, url } }) : redirect(url);
}

/**
 * Where an edited item is. A form gets a redirect to it; an agent's accepted proposal, posted by a
 * fetcher with `_stay=1`, gets `{ saved: { url } }` as data and its panel stays open.
 */
export function saved(formData: FormData | URLSearchParams, url: string) {
  return staysOnPage(formData) ? data({ saved: { url } }) : redirect(url);
}

/** "ai" for an item an agent proposed and the user accepted (PRODUCT.md §4); "manual" otherwise. */
export function submittedSource(formData: FormData): "ai" | "manual" {
  return formData.get("source") === "ai" ? "ai" : "manual";
}

/**
 * A field of a small intent form (an id in a hidden input, a provider's name): the text trimmed, or "" when it is
 * missing. What the text must be is the action's to say (an id answers 404 through `requireId`).
 */
export const formText = z.string().trim().default("");

/** The one form of a page that can only delete what it shows. */
export const deleteIntent = z.object({ intent: z.literal("delete") });

/**
 * Which of its forms a page received, and the fields that go with it: `schema` is a discriminated union
 * on `intent` (or one object, for a page with one form). The first value of each field counts, as
 * `FormData.get` reads it; a file is not text and is refused. An intent the schema does not list answers
 * 400 "Unknown action" with `unknown`, which the route layer shows (app/server/route-errors.ts); any
 * other field that does not fit answers 400 with its schema's message (give one that a person can act on).
 */
export function parseIntent<Schema extends z.ZodType<{ intent: string }>>(
  form: FormData | URLSearchParams,
  schema: Schema,
  unknown = "This page does not know that action. Reload it and try again.",
): z.output<Schema> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) if (!(name in fields)) fields[name] = value;
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.path[0] === "intent") throw new AppError(400, "Unknown action", unknown);
  throw new AppError(400, "Form not understood", issue.message);
}
