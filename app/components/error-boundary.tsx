import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { useTraceId } from "./trace-id";

interface Payload {
  title?: string;
  message?: string;
}

/** The one error view every route reuses: what happened, and where to go next. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const traceId = useTraceId();
  // The trace id belongs to the document's own request; after a navigation it would name another one.
  const firstPage = useLocation().key === "default";
  let title = "Something went wrong";
  let message = "An unexpected error happened on our side. Try again; if it keeps happening, tell us.";
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = (typeof error.data === "object" && error.data ? error.data : {}) as Payload;
    title = data.title ?? (status === 404 ? "Not found" : error.statusText || title);
    message = data.message ?? (status === 404 ? "This page does not exist, or you do not have access to it." : message);
  }
  return (
    <div className="mx-auto max-w-lg px-6 py-16 text-center">
      <p className="text-sm font-semibold text-accent-600">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{message}</p>
      {status >= 500 && traceId && firstPage ? (
        <p className="mt-3 text-sm text-zinc-500 dark:text-zinc-400">
          Reference: <code data-trace-id="">{traceId}</code>
        </p>
      ) : null}
      <Link to="/" className="mt-6 inline-block text-sm font-medium text-accent-600 hover:underline">
        Back to Bearing
      </Link>
    </div>
  );
}
