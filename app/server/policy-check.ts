import type { RequestHandler } from "express";
import { changesToAccept } from "../modules/accounts/policies";

export const POLICY_ACCEPT_PATH = "/policies/accept";
/** A route that only redirects to the accept page, so Remix encodes the redirect for its own data requests. */
export const POLICY_REQUIRED_PATH = "/policies/required";

// Reachable before accepting: the page that asks, the policies it links, signing out, and usage reports
// (which a page sends in the background and which a redirect would only lose).
const EXEMPT = new Set([POLICY_ACCEPT_PATH, POLICY_REQUIRED_PATH, "/logout", "/privacy", "/terms", "/usage", "/__manifest"]);

/**
 * PRODUCT.md §6 promise 10: after a material change to the policies, a signed-in user's next request for
 * any page or its data goes to the accept page, which then sends them on to where they were going. Runs
 * once per request, right after the session is resolved (app/server/app.ts); static files are served
 * before it.
 */
export const policyCheck: RequestHandler = (req, res, next) => {
  const user = res.locals.auth?.user;
  if (!user || changesToAccept(user.policy_version).length === 0) return next();
  const isData = req.path.endsWith(".data");
  // Single fetch asks for /w/x/risks.data, and for the index page /_root.data.
  const page = isData ? req.path.slice(0, -".data".length).replace(/^\/_root$/, "/") : req.path;
  if (EXEMPT.has(page)) return next();
  const search = new URLSearchParams(req.url.split("?")[1] ?? "");
  search.delete("_routes");
  const target = search.size ? `${page}?${search}` : page;
  const query = `?redirectTo=${encodeURIComponent(target)}`;
  if (!isData) return res.redirect(req.method === "GET" || req.method === "HEAD" ? 302 : 303, `${POLICY_ACCEPT_PATH}${query}`);
  // A client-side navigation or form post expects Remix's own encoding of a redirect: let Remix answer it.
  req.url = req.originalUrl = `${POLICY_REQUIRED_PATH}.data${query}`;
  next();
};
