import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";

/**
 * The answer to a form that did not go through: the submission with its field errors and the
 * user's input (minus secrets), for the page to render again.
 */
export function rejected(result: SubmissionResult<string[]>, status = 400) {
  return data({ result }, { status });
}
