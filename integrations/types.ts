/**
 * The one interface every provider (Slack, Jira, Notion) implements; Confluence, Linear and GitHub
 * (PRODUCT.md §5) join the union when they are built.
 * Provider folders hold HTTP and mapping only: they never import app/ or db/, tokens are passed in,
 * and every endpoint comes from configuration so tests can point them at the fake in the same folder.
 */

export type ProviderId = "slack" | "jira" | "notion";

/** What a provider lets a workspace do once connected; pages show these next to the connection. */
export type ProviderFeature =
  | "post-messages"
  | "import-transcripts"
  | "import-initiatives"
  | "push-initiatives"
  | "publish-pages"
  | "export-roadmap"
  | "link-issues";

/** The app's registration with the provider, and where the provider lives (its real host, or a fake). */
export interface ProviderConfig {
  clientId: string;
  clientSecret: string;
  /** e.g. https://slack.com; tests use the fake's http://127.0.0.1:port. */
  baseUrl: string;
}

export interface TokenSet {
  accessToken: string;
  /** Jira and others rotate refresh tokens; Slack bot tokens have none. */
  refreshToken: string | null;
  accessTokenExpiresAt: Date | null;
  /** What the provider says it granted, which may differ from what was asked. */
  scopesGranted: string[];
}

export interface ConnectedAccount {
  /** The provider's id for the account or workspace the token acts in (Slack: the team id). */
  id: string;
  name: string;
}

export interface CodeExchange {
  tokens: TokenSet;
  account: ConnectedAccount;
}

export interface IntegrationProvider {
  id: ProviderId;
  name: string;
  features: ProviderFeature[];
  /** The scopes the app asks for: shown on the settings page before and after connecting. */
  scopes: string[];
  /** Whether the provider offers token revocation (PRODUCT.md §5: disconnect revokes where it can). */
  canRevoke: boolean;
  authorizationUrl(options: { state: string; redirectUri: string; codeVerifier: string }): URL;
  exchangeCode(options: { code: string; redirectUri: string; codeVerifier: string }): Promise<CodeExchange>;
  refresh(refreshToken: string): Promise<TokenSet>;
  revoke(accessToken: string): Promise<void>;
  accountInfo(accessToken: string): Promise<ConnectedAccount>;
}

export type IntegrationErrorKind = "unauthorized" | "not-found" | "forbidden" | "rate-limited" | "provider" | "unreachable";

// The HTTP server and the Remix build each bundle their own copy of this file: the app's route layer
// recognises an IntegrationError from either by this mark (isIntegrationError).
const INTEGRATION_ERROR: unique symbol = Symbol.for("bearing.IntegrationError");

/**
 * The one error provider code throws. `message` is written for the person who clicked the button;
 * `code` is the provider's own (Slack's `error` field), kept for the connection's last error; `kind`
 * is what the app acts on (a job retries or gives up, a page answers 429 or 502).
 */
export class IntegrationError extends Error {
  readonly [INTEGRATION_ERROR] = true;

  constructor(
    readonly provider: ProviderId,
    readonly kind: IntegrationErrorKind,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "IntegrationError";
  }
}

/** An IntegrationError, whichever bundle made it. */
export function isIntegrationError(value: unknown): value is IntegrationError {
  return typeof value === "object" && value !== null && (value as { [INTEGRATION_ERROR]?: unknown })[INTEGRATION_ERROR] === true;
}

/** The provider no longer accepts the connection's token (revoked, expired beyond refresh). */
export function unauthorizedError(provider: ProviderId, name: string, code: string): IntegrationError {
  return new IntegrationError(provider, "unauthorized", code, `${name} no longer accepts Bearing's authorisation. Disconnect ${name} and connect it again.`);
}

/** The provider is limiting requests and said how long to wait. */
export function rateLimitedError(provider: ProviderId, name: string, code: string, retryAfterSeconds: number): IntegrationError {
  const unit = retryAfterSeconds === 1 ? "second" : "seconds";
  return new IntegrationError(provider, "rate-limited", code, `${name} is limiting requests right now. Try again in ${retryAfterSeconds} ${unit}.`, retryAfterSeconds);
}
