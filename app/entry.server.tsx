import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleErrorFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { TraceIdProvider } from "./components/trace-id";
import { RETRY_AFTER_SECONDS } from "./services/database-outage.server";
import { withoutStrayNulBytes } from "./services/html-stream.server";
import { loggablePath } from "./services/logger.server";
import { pagePattern } from "./modules/usage/page-pattern.server";
import { recordPageView, recordServerError } from "./modules/usage/usage.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A document request is a page view, counted here; navigations after it are reported by the browser.
  const page = remixContext.staticHandlerContext.matches.at(-1);
  const pattern = page ? pagePattern(page.route.id) : null;
  if (responseStatusCode === 200 && pattern) await recordPageView(loadContext, pattern, workspaceOf(remixContext));
  if (loadContext.databaseUnreachable) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));
  const nonce = loadContext.nonce;
  // Crawlers get the whole document at once; browsers get it streamed as soon as the shell is ready.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <TraceIdProvider value={loadContext.requestId}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </TraceIdProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutStrayNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) loadContext.logger.error({ err: error }, "streaming render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** A client-side navigation or form post that met the database outage gets the same Retry-After as a document. */
export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  if (context.databaseUnreachable) response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  return response;
};

/** The workspace the page belongs to, as its layout loader resolved it for this member; none outside /w/:slug. */
function workspaceOf(context: EntryContext): string | null {
  const layout = context.staticHandlerContext.loaderData["routes/w.$slug"] as { workspace?: { id?: string } } | undefined;
  return layout?.workspace?.id ?? null;
}

/**
 * Every server-side error is logged once, with the request id that the error page shows, and counted as
 * usage under that id as its trace id (recording never fails the request; it logs and moves on).
 */
export const handleError: HandleErrorFunction = (error, { request, context, params }) => {
  // An aborted request, or an address no route answers (Remix reports its 404 here too), is not our failure.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  context.logger.error({ err: error, path: loggablePath(new URL(request.url).pathname) }, "request failed");
  void recordServerError(context, request, params, error);
};
