import { data } from "@remix-run/node";

/** What every error boundary shows: a title and a sentence saying what to do. */
export interface ErrorPayload {
  title: string;
  message: string;
}

/**
 * The one error services throw. `respond` turns it into the response routes throw, which the
 * shared error boundary renders.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }

  respond() {
    return data<ErrorPayload>({ title: this.title, message: this.message }, { status: this.status });
  }
}

/** Another workspace's id and an id that never existed answer exactly the same. */
export function notFound(what = "This page") {
  return new AppError(404, "Not found", `${what} does not exist, or you do not have access to it.`).respond();
}

export function forbidden(message: string) {
  return new AppError(403, "Not allowed", message).respond();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL or form: anything but a well-formed id answers 404, like an unknown one. */
export function requireId(value: string | undefined | null, what = "This item"): string {
  if (!value || !UUID.test(value)) throw notFound(what);
  return value;
}
