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
