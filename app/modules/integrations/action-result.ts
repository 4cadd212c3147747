/**
 * What a form on an integration's page (Settings → Integrations, Jira, Notion) gets back: a notice, a
 * page-level error, or errors under its fields with the values to keep. `intent` names the form, so that
 * only its own fields show the errors.
 */
export interface IntegrationActionResult {
  intent: string;
  notice?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

/** The page answers a result with an error as a refusal, anything else as done. */
export function statusOf(result: IntegrationActionResult): number {
  return result.error || result.fieldErrors ? 400 : 200;
}
