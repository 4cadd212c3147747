import { AppError } from "./errors.server";

/** Seconds a client is told to wait before trying again (Retry-After): about what a restart or a failover takes. */
export const RETRY_AFTER_SECONDS = 10;

/**
 * What every page and form answers while PostgreSQL cannot be reached: 503 with the shared error page
 * (app/server/route-errors.ts decides when). A form sent meanwhile may or may not have been saved (the
 * connection can drop after the commit), so the page says to look before sending it again.
 */
export function databaseUnreachable(cause?: unknown) {
  return new AppError(
    503,
    "Database unreachable",
    "Bearing cannot reach its database right now, so it can neither show this page nor save changes. What you saved before is safe. Try again in a minute; if you were saving something, check whether it arrived before you send it again.",
    { cause },
  );
}
