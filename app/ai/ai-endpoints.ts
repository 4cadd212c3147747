/**
 * What the AI keys page (app/routes/settings.ai-keys.tsx) answers when this browser allows or removes an
 * AI endpoint; the key cards' fetchers read it. Origins and messages only: a key never reaches that page.
 */
export type AiEndpointAnswer =
  | { intent: "allow-endpoint"; origin: string }
  | { intent: "allow-endpoint"; fieldErrors: { baseUrl: string[] } }
  | { intent: "remove-endpoint" | "forget-endpoints"; notice: string };
