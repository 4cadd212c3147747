/**
 * List prices in US dollars per million tokens, for the estimate shown before a run. They are
 * estimates (checked November 2026) and say so in the interface; unknown models show no cost.
 */
const PRICES: Record<string, { input: number; output: number }> = {
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-sonnet-4-5": { input: 3, output: 15 },
  "claude-opus-4-1": { input: 15, output: 75 },
  "gemini-2.5-flash": { input: 0.3, output: 2.5 },
  "gemini-2.5-pro": { input: 1.25, output: 10 },
  "gemini-2.0-flash": { input: 0.1, output: 0.4 },
  "llama-3.3-70b-versatile": { input: 0.59, output: 0.79 },
  "llama-3.1-8b-instant": { input: 0.05, output: 0.08 },
};

/**
 * The list price of a model, also under the names it goes by elsewhere: a dated snapshot
 * ("claude-sonnet-4-5-20250929", "gpt-4.1-mini-2025-04-14") or a router's prefixed name
 * ("openai/gpt-4.1-mini", Gemini's "models/gemini-2.5-flash").
 */
export function priceOf(model: string): { input: number; output: number } | null {
  const name = model.trim().toLowerCase().replace(/^.*\//, "");
  return PRICES[name] ?? PRICES[name.replace(/-(?:\d{8}|\d{4}-\d{2}-\d{2})$/, "")] ?? null;
}

/** Roughly four characters a token for English prose: the common rule of thumb, good to ±25 %. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function estimateCost(model: string, inputTokens: number, outputTokens: number): number | null {
  const price = priceOf(model);
  if (!price) return null;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}

export function formatCost(dollars: number | null): string {
  if (dollars === null) return "cost unknown for this model";
  if (dollars < 0.01) return "under $0.01";
  return `$${dollars.toFixed(2)}`;
}
