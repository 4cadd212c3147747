import { createRequestHandler as createRemixHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { sendRefusalPage } from "./refusal-page";
import { bodyLimitFor, limitedBody, sendTooLarge } from "./request-body";

interface RemixHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}

/**
 * Express to Remix, as @remix-run/express does, except for the body: Remix reads it through a stream that
 * counts the bytes actually received and stops at the request's limit (app/server/request-body.ts), where
 * the answer is 413 whatever the route was doing with it.
 */
export function createRequestHandler({ build, mode, getLoadContext }: RemixHandlerOptions): RequestHandler {
  const handleRequest = createRemixHandler(build, mode);
  return async (req, res, next) => {
    const abort = new AbortController();
    try {
      const limit = bodyLimitFor(req);
      // The route reading the body sees it fail and the request aborted (so its failure is not logged as ours).
      const refuse = () => {
        abort.abort();
        if (!res.headersSent) sendTooLarge(res, limit);
      };
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      // Loaders and actions stop once no answer can be sent any more (`close` before `finish`).
      let answered = false;
      res.on("finish", () => (answered = true));
      res.on("close", () => answered || abort.abort());

      const url = requestUrl(req);
      if (!url) return sendRefusalPage(res, 400, "Bad request", [["This request's Host header does not name a host."]]);
      const request = new Request(url, {
        method: req.method,
        headers: requestHeaders(req),
        signal: abort.signal,
        ...(hasBody ? { body: limitedBody(req, limit, refuse), duplex: "half" } : {}),
      });
      const response = await handleRequest(request, getLoadContext(req, res));
      // Already answered with 413: the route's own answer, to a body it could not read, has no reader.
      if (res.headersSent) return;
      await sendResponse(res, response);
    } catch (error) {
      // Refused, or the client left: no one waits for this answer, and what failed is not ours to report.
      if (abort.signal.aborted) return;
      next(error);
    }
  };
}

/** The request's URL as Remix sees it; null for a Host no browser sends (credentials, no host at all). */
function requestUrl(req: ExpressRequest): string | null {
  // req.hostname drops the port; take it from X-Forwarded-Host or Host, as @remix-run/express does.
  const port = [req.get("x-forwarded-host"), req.get("host")].map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10)).find(Number.isSafeInteger);
  const address = `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`;
  if (!URL.canParse(address)) return null;
  const url = new URL(address);
  return url.username || url.password ? null : url.href;
}

function requestHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value) headers.set(name, value);
  }
  return headers;
}

async function sendResponse(res: ExpressResponse, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
