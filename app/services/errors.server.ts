/** What every error boundary shows: a title and a sentence saying what to do. */
export interface ErrorPayload {
  title: string;
  message: string;
}

// The HTTP server (build/server.js) and the Remix build (build/index.js) each bundle their own copy of this
// file, so the class an error was made with depends on the bundle: the route layer recognises it by this mark.
const APP_ERROR: unique symbol = Symbol.for("bearing.AppError");

/**
 * The one error services and modules throw (docs/decisions/020-one-error-contract.md). The route layer
 * turns one that reaches it into its status and the shared error page (app/server/route-errors.ts); a
 * route that would rather show it in its form catches it and returns its message as data.
 */
export class AppError extends Error {
  readonly [APP_ERROR] = true;

  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}

/** An AppError, whichever bundle made it. */
export function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
}

/** Another workspace's id and an id that never existed answer exactly the same. */
export function notFound(what = "This page") {
  return new AppError(404, "Not found", `${what} does not exist, or you do not have access to it.`);
}

export function forbidden(message: string) {
  return new AppError(403, "Not allowed", message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL or form: anything but a well-formed id answers 404, like an unknown one. */
export function requireId(value: string | undefined | null, what = "This item"): string {
  if (!value || !UUID.test(value)) throw notFound(what);
  return value;
}
