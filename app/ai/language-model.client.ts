import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { PROVIDERS, type ProviderId } from "./providers";

/** One provider as the user configured it in the key vault. */
export interface ProviderConfig {
  provider: ProviderId;
  apiKey: string;
  /** Empty for the provider's own endpoint. */
  baseUrl: string;
  model: string;
}

/**
 * The AI SDK model for a configured provider. Each call goes from this browser straight to the
 * provider's endpoint (or the user's own base URL): nothing passes through Bearing's server.
 */
export function createLanguageModel(config: ProviderConfig, modelOverride?: string): LanguageModel {
  const info = PROVIDERS[config.provider];
  const baseURL = (config.baseUrl || info.defaultBaseUrl).replace(/\/+$/, "");
  const model = modelOverride || config.model || info.defaultModel;
  switch (config.provider) {
    case "openai":
      // The Responses API, OpenAI's current interface; the OpenAI-compatible servers below speak chat completions.
      return createOpenAI({ apiKey: config.apiKey, baseURL }).responses(model);
    case "anthropic":
      // Anthropic refuses browser requests unless the caller opts in with this header.
      return createAnthropic({
        apiKey: config.apiKey,
        baseURL,
        headers: { "anthropic-dangerous-direct-browser-access": "true" },
      })(model);
    case "gemini":
      return createGoogleGenerativeAI({ apiKey: config.apiKey, baseURL })(model);
    case "groq":
    case "openai-compatible":
      return createOpenAICompatible({
        name: config.provider,
        baseURL,
        // Local servers take no key; sending an empty bearer token makes some of them refuse.
        apiKey: config.apiKey || undefined,
        includeUsage: true,
        // Without this the SDK asks for bare JSON mode and the schema never reaches the model. Ollama,
        // LM Studio (which refuses bare JSON mode), vLLM and OpenRouter take a json_schema; Groq only for a few models.
        supportsStructuredOutputs: config.provider !== "groq",
      }).chatModel(model);
  }
}
