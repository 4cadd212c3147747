/**
 * The LLM providers Bearing can call from the browser, and what we know of them without a key:
 * default endpoints, default models and list prices. Shared by the server (the CSP's connect-src)
 * and the browser (the key vault and the agents); it never holds a key.
 */
export const PROVIDER_IDS = ["openai", "anthropic", "groq", "gemini", "openai-compatible"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderInfo {
  label: string;
  /** Where the SDK sends requests unless the user sets a base URL. */
  defaultBaseUrl: string;
  defaultModel: string;
  /** Local servers such as Ollama usually take no key. */
  keyRequired: boolean;
  keyPlaceholder: string;
  /** Where the user gets a key, shown next to the field. */
  keysUrl: string;
}

export const PROVIDERS: Record<ProviderId, ProviderInfo> = {
  openai: {
    label: "OpenAI",
    defaultBaseUrl: "https://api.openai.com/v1",
    defaultModel: "gpt-4.1-mini",
    keyRequired: true,
    keyPlaceholder: "sk-…",
    keysUrl: "https://platform.openai.com/api-keys",
  },
  anthropic: {
    label: "Anthropic",
    defaultBaseUrl: "https://api.anthropic.com/v1",
    defaultModel: "claude-haiku-4-5",
    keyRequired: true,
    keyPlaceholder: "sk-ant-…",
    keysUrl: "https://console.anthropic.com/settings/keys",
  },
  groq: {
    label: "Groq",
    defaultBaseUrl: "https://api.groq.com/openai/v1",
    defaultModel: "llama-3.3-70b-versatile",
    keyRequired: true,
    keyPlaceholder: "gsk_…",
    keysUrl: "https://console.groq.com/keys",
  },
  gemini: {
    label: "Google Gemini",
    // The native endpoint: Gemini's OpenAI-compatible one refuses browsers' CORS preflights.
    defaultBaseUrl: "https://generativelanguage.googleapis.com/v1beta",
    defaultModel: "gemini-2.5-flash",
    keyRequired: true,
    keyPlaceholder: "AIza…",
    keysUrl: "https://aistudio.google.com/app/apikey",
  },
  "openai-compatible": {
    label: "OpenAI-compatible (Ollama, LM Studio, OpenRouter, vLLM)",
    defaultBaseUrl: "http://localhost:11434/v1",
    defaultModel: "llama3.2",
    keyRequired: false,
    keyPlaceholder: "optional",
    keysUrl: "https://github.com/ollama/ollama/blob/main/docs/faq.md#how-can-i-allow-additional-web-origins-to-access-ollama",
  },
};

/** The origins of the providers' own endpoints: always allowed by the CSP's connect-src. */
export const DEFAULT_PROVIDER_ORIGINS = [...new Set(PROVIDER_IDS.map((id) => new URL(PROVIDERS[id].defaultBaseUrl).origin))].filter(
  (origin) => origin.startsWith("https://"),
);

/**
 * The origin of a user-given base URL, or an error message for the field. Only http(s); plain http
 * only for this machine (Ollama, LM Studio), since a key would cross the network in clear.
 */
export function endpointOrigin(baseUrl: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { error: "Enter a full URL, such as http://localhost:11434/v1." };
  }
  if (url.username || url.password) return { error: "Leave credentials out of the URL; put the key in the key field." };
  if (url.protocol === "https:") return { origin: url.origin };
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && local) return { origin: url.origin };
  if (url.protocol === "http:") return { error: "Use https:// for a server on another machine; plain http is only for localhost." };
  return { error: "Only http:// and https:// endpoints are supported." };
}
