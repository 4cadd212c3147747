import { describeProviderError, diagnoseUnreachable, type ProviderProblem } from "./provider-errors";
import { PROVIDERS, type ProviderId } from "./providers";

/**
 * What went wrong with a call to a provider, for the user. A browser reports a CORS refusal and an
 * unreachable server as the same TypeError, so a network-looking failure gets a no-cors probe first.
 */
export async function diagnoseProblem(error: unknown, config: { provider: ProviderId; baseUrl: string; model: string }): Promise<ProviderProblem> {
  const context = {
    providerLabel: PROVIDERS[config.provider].label,
    provider: config.provider,
    baseUrl: config.baseUrl || PROVIDERS[config.provider].defaultBaseUrl,
    model: config.model,
  };
  const problem = describeProviderError(error, context);
  if (problem.kind !== "network") return problem;
  return describeProviderError(error, { ...context, unreachable: await diagnoseUnreachable(context.baseUrl) });
}
