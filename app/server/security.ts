import { randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { DEFAULT_PROVIDER_ORIGINS } from "../ai/providers";
import type { Config } from "../services/env.server";
import { sendRefusalPage, type PagePart } from "./refusal-page";

/**
 * Security headers for every response. Scripts run only with this request's nonce; nothing may frame
 * us; no Referer leaves our origin (reset and invitation links carry tokens in their query).
 */
export function securityHeaders(config: Config): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    setContentSecurityPolicy(res, nonce);
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (config.secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    next();
  };
}

/**
 * The browser may connect to our origin and to the LLM providers, which it calls itself with the
 * user's keys (PRODUCT.md §4): the providers' own endpoints, plus the signed-in user's configured
 * ones (a local Ollama, a proxy), kept as origins on their account. Nothing else: no tracker, no
 * stray host (promise 5).
 */
export function setContentSecurityPolicy(res: Response, nonce: string, userEndpoints: readonly string[] = []): void {
  const connect = ["'self'", ...DEFAULT_PROVIDER_ORIGINS, ...userEndpoints.filter(isPlainOrigin)];
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src ${[...new Set(connect)].join(" ")}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
}

/** Stored origins were checked when saved; this keeps a bad row from ever widening the policy. */
function isPlainOrigin(value: string): boolean {
  return /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(value) || /^http:\/\/\[::1\](:\d{1,5})?$/.test(value);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses every state-changing request that does not come from our own pages, on top of the
 * SameSite=Lax cookie. Browsers send Origin with every POST; a request without one is refused too.
 * Our pages are at APP_URL. Outside production they are also wherever the page was opened (127.0.0.1, a
 * LAN address): a browser sends that address as Host, and another site cannot make it send ours.
 */
export function originCheck(config: Config): RequestHandler {
  const appOrigin = config.appUrl.origin;
  return (req, res, next) => {
    const origin = req.get("origin");
    if (SAFE_METHODS.has(req.method) || origin === appOrigin) return next();
    if (config.mode !== "production" && origin !== undefined && origin === addressedOrigin(req)) return next();
    refuseCrossOrigin(res, appOrigin, origin);
  };
}

/** The origin the request was sent to, as its Host header names it. */
function addressedOrigin(req: Request): string | null {
  const host = req.get("host");
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return null;
  const address = `${req.protocol}://${host}`;
  return URL.canParse(address) ? new URL(address).origin : null;
}

function refuseCrossOrigin(res: Response, appOrigin: string, origin: string | undefined): void {
  const seen = origin && /^https?:\/\/[^\s/]+$/i.test(origin) ? origin : null;
  const paragraphs: PagePart[][] = seen
    ? [
        [`Bearing received this form from ${seen}, but its address is ${appOrigin} (APP_URL), and it refuses forms sent from any other address so that no other site can act in your name. Nothing was saved.`],
        [`To use Bearing at ${seen}, set `, { code: `APP_URL=${seen}` }, " and restart it. Otherwise, open ", { code: appOrigin }, " and send the form from there."],
      ]
    : [
        [`Your browser sent this form without saying which page it came from (no usable Origin header), and Bearing refuses such forms so that no other site can act in your name. Nothing was saved.`],
        ["Open ", { code: appOrigin }, " (APP_URL) and send the form from there."],
      ];
  sendRefusalPage(res, 403, "This form came from another address", paragraphs);
}
