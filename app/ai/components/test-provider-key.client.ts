import type { ProviderConfig } from "../language-model.client";
import type { ProviderProblem } from "../provider-errors";
import { PROVIDERS } from "../providers";

export type KeyTestResult = { ok: true; model: string } | { ok: false; problem: ProviderProblem };

/**
 * The "Test key" button: one tiny call from this browser to the provider, the cheapest proof that
 * the key, endpoint and model work together. The AI SDK is loaded here, on the first test, so the
 * settings page does not carry it otherwise. No retries: a rate limit should show, not stall.
 */
export async function testProviderKey(config: ProviderConfig): Promise<KeyTestResult> {
  const [{ createLanguageModel }, { generateText }] = await Promise.all([import("../language-model.client"), import("ai")]);
  const model = config.model || PROVIDERS[config.provider].defaultModel;
  try {
    await generateText({ model: createLanguageModel(config), prompt: "Reply with OK.", maxOutputTokens: 16, maxRetries: 0 });
    return { ok: true, model };
  } catch (error) {
    return { ok: false, problem: await explainFailure(error, config, model) };
  }
}

async function explainFailure(error: unknown, config: ProviderConfig, model: string): Promise<ProviderProblem> {
  const { describeProviderError, diagnoseUnreachable } = await import("../provider-errors");
  const baseUrl = config.baseUrl || PROVIDERS[config.provider].defaultBaseUrl;
  const context = { providerLabel: PROVIDERS[config.provider].label, provider: config.provider, baseUrl, model };
  const problem = describeProviderError(error, context);
  if (problem.kind !== "network") return problem;
  // A browser reports a CORS refusal and an unreachable server as the same TypeError; a probe tells them apart.
  return describeProviderError(error, { ...context, unreachable: await diagnoseUnreachable(baseUrl) });
}
