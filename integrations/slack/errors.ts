import { ErrorCode, type WebAPICallError } from "@slack/web-api";
import { IntegrationError, rateLimitedError, type IntegrationErrorKind } from "../types";

// Slack answers most failures with HTTP 200 and `{ ok: false, error }` (https://api.slack.com/web#responses);
// these are the codes a person can act on, with what to tell them.
const KNOWN: Record<string, { kind: IntegrationErrorKind; message: string }> = {
  invalid_auth: { kind: "unauthorized", message: "Slack no longer accepts Bearing's token. Disconnect Slack and connect it again." },
  not_authed: { kind: "unauthorized", message: "Slack did not receive a token. Disconnect Slack and connect it again." },
  token_revoked: { kind: "unauthorized", message: "The Slack token was revoked. Disconnect Slack and connect it again." },
  account_inactive: { kind: "unauthorized", message: "The Slack account behind this connection is deactivated. Connect Slack again." },
  missing_scope: { kind: "forbidden", message: "The Slack app lacks a permission this needs. Connect Slack again to grant it." },
  channel_not_found: { kind: "not-found", message: "Slack cannot find that channel. Choose another channel." },
  thread_not_found: { kind: "not-found", message: "Slack cannot find that thread. Check the link to the thread's first message." },
  not_in_channel: { kind: "forbidden", message: "The Bearing app is not in that channel. Invite it with /invite @Bearing, then try again." },
  is_archived: { kind: "forbidden", message: "That channel is archived. Choose another channel." },
  invalid_code: { kind: "unauthorized", message: "Slack refused the authorisation code. Start connecting again." },
  code_already_used: { kind: "unauthorized", message: "That Slack authorisation was already used. Start connecting again." },
  bad_redirect_uri: { kind: "provider", message: "Slack refused the return address. Check the Slack app's redirect URLs." },
  invalid_client_id: { kind: "provider", message: "Slack does not know this app. Check SLACK_CLIENT_ID." },
  bad_client_secret: { kind: "provider", message: "Slack refused the app's secret. Check SLACK_CLIENT_SECRET." },
};

export function slackPlatformError(code: string): IntegrationError {
  const known = KNOWN[code];
  return new IntegrationError("slack", known?.kind ?? "provider", code, known?.message ?? `Slack answered with an error (${code}).`);
}

/** What a WebClient call threw, as the one integration error (never carrying the token). */
export function fromWebClientError(error: unknown): IntegrationError {
  if (error instanceof IntegrationError) return error;
  const coded = error as WebAPICallError;
  switch (coded?.code) {
    case ErrorCode.PlatformError:
      return slackPlatformError(coded.data.error);
    case ErrorCode.RateLimitedError:
      return rateLimitedError("slack", "Slack", "ratelimited", coded.retryAfter);
    case ErrorCode.HTTPError:
      return new IntegrationError("slack", "provider", `http_${coded.statusCode}`, `Slack answered HTTP ${coded.statusCode}. Try again later.`);
    default:
      return new IntegrationError("slack", "unreachable", "request_failed", "Bearing could not reach Slack. Try again later.", null, { cause: error });
  }
}
