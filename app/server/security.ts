import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { DEFAULT_PROVIDER_ORIGINS } from "../ai/providers";
import type { Config } from "../services/env.server";

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
 */
export function originCheck(config: Config): RequestHandler {
  const origin = config.appUrl.origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get("origin") === origin) return next();
    res.status(403).type("text/plain").send("Cross-origin request refused.");
  };
}
