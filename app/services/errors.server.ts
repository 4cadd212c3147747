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
