/**
 * The version of the Terms and Privacy Policy a user accepts at sign-up. Change it when the policies
 * change materially, so users are asked to accept again.
 */
export const POLICY_VERSION = "2026-11-23";
export const POLICY_UPDATED = "23 November 2026";

/** PRODUCT.md §6, word for word in meaning: each promise is proven by a test named after it. */
export const PRIVACY_PROMISES = [
  "Passwords are stored only as bcrypt hashes with work factor 12.",
  "Integration credentials are encrypted at rest with AES-256-GCM; no plaintext token appears anywhere in the database.",
  "LLM API keys stay in the browser's localStorage and are never sent to our server.",
  "Data from integrations is fetched only after the user authorised that connection, with the scopes it shows.",
  "We collect usage data first-party only (pages visited, features used, error logs); no third-party analytics or tracker is loaded; no request leaves the browser for a host other than our origin and the AI providers the user configured.",
  "The only cookie is the essential session cookie; the theme preference lives in localStorage.",
  "A user can see all their product data in the app, export it in a machine-readable format, and delete their account from Settings, which removes all associated data.",
  "A user can disconnect any integration from Settings, which revokes and deletes its tokens.",
  "Users under 16 cannot sign up.",
  "This Privacy Policy states exactly these promises, with its last-updated date and version; a material change asks users to accept again.",
] as const;
