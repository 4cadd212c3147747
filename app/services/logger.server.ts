import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs. We never pass secrets to the logger; the redaction list is a second line of
 * defence for anything that slips into an error object.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "bearing" },
      redact: {
        paths: [
          "password",
          "*.password",
          "token",
          "*.token",
          "cookie",
          "*.cookie",
          "headers.cookie",
          "*.headers.cookie",
          "headers.authorization",
          "*.headers.authorization",
          "headers[\"set-cookie\"]",
        ],
        censor: "[redacted]",
      },
    },
    destination,
  );
}

// Invitation and share links carry their secret in the path itself, not in the query.
const PATH_TOKENS = /^\/(invitations|share)\/[^/]+/;

/** A request path fit for the log: the query is never logged, and path-borne tokens are masked. */
export function loggablePath(path: string): string {
  return path.replace(PATH_TOKENS, "/$1/[token]");
}
