/** One published version of the Terms and Privacy Policy (they change together). */
export interface PolicyVersion {
  version: string;
  /** The last-updated date the pages show. */
  updated: string;
  /** A material change asks every signed-in user to accept again at their next visit; a wording fix does not. */
  material: boolean;
  /** What changed, in a sentence or two each, shown on the page that asks for acceptance. */
  changes: readonly string[];
}

/**
 * Every version, newest first. To publish a change, add an entry at the top (docs/decisions/015-…):
 * /privacy and /terms show it, sign-up records it, and a material one asks everyone to accept again.
 */
export const POLICY_HISTORY: readonly [PolicyVersion, ...PolicyVersion[]] = [
  {
    version: "2026-11-23",
    updated: "23 November 2026",
    material: true,
    changes: ["The first Terms of Service and Privacy Policy, with our ten privacy promises."],
  },
];

/** The version a user accepts at sign-up, and the one /privacy and /terms show. */
export const POLICY_VERSION = POLICY_HISTORY[0].version;
export const POLICY_UPDATED = POLICY_HISTORY[0].updated;

/**
 * The versions published since the user accepted `accepted`, newest first, if any of them is material;
 * otherwise none (nothing to ask). A version we do not know is older than every one we list.
 */
export function changesToAccept(accepted: string, history: readonly PolicyVersion[] = POLICY_HISTORY): PolicyVersion[] {
  const known = history.findIndex((entry) => entry.version === accepted);
  const newer = known === -1 ? history : history.slice(0, known);
  return newer.some((entry) => entry.material) ? [...newer] : [];
}

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
