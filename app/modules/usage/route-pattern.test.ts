import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
// Remix's own flat-route convention: the function its compiler reads app/routes with (readConfig in
// @remix-run/dev/dist/config.js), so these manifests are the ones the server build carries.
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { afterAll, describe, expect, it } from "vitest";
import remixConfig from "../../../remix.config.js";
import { patternFromPath, routePattern, type RouteManifest } from "./route-pattern";

/** The route manifest the compiler builds for an app directory: the root route, and app/routes below it. */
function manifestOf(appDirectory: string): RouteManifest {
  const routes: Record<string, { path?: string; parentId?: string }> = { root: { path: "" } };
  for (const route of Object.values(flatRoutes(appDirectory, remixConfig.ignoredRouteFiles))) {
    routes[route.id] = { path: route.path, parentId: route.parentId || "root" };
  }
  return routes;
}

const app = manifestOf(resolve("app"));

// Conventions no route of ours uses yet, each in a file Remix reads as it would in app/routes.
const fixture = mkdtempSync(join(tmpdir(), "bearing-routes-"));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));
const ROUTE_FILES = ["_auth.tsx", "_auth.sign-in.tsx", "files.$.tsx", "($lang).about.tsx", "reports.$year[.csv].tsx", "docs.$id_.print.tsx", "w.$slug.tsx", "w.$slug.reports/route.tsx"];
for (const file of ["root.tsx", ...ROUTE_FILES.map((name) => join("routes", name))]) {
  mkdirSync(dirname(join(fixture, file)), { recursive: true });
  writeFileSync(join(fixture, file), "export default function Page() { return null; }\n");
}
const conventions = manifestOf(fixture);

describe("page names in usage data", () => {
  it.each([
    ["root", "/"],
    ["routes/_index", "/"],
    ["routes/w.$slug._index", "/w/:slug"],
    ["routes/w.$slug.risks._index", "/w/:slug/risks"],
    ["routes/w.$slug.transcripts.$id._index", "/w/:slug/transcripts/:id"],
    ["routes/w.$slug.risks[.csv]", "/w/:slug/risks.csv"],
    ["routes/w.$slug.ai.corpus[.json]", "/w/:slug/ai/corpus.json"],
    ["routes/settings.security", "/settings/security"],
    ["routes/settings.privacy_.export[.json]", "/settings/privacy/export.json"],
    ["routes/login", "/login"],
    ["routes/login_.two-factor", "/login/two-factor"],
    ["routes/auth.$provider.callback", "/auth/:provider/callback"],
    ["routes/w.$slug.integrations.$provider.callback", "/w/:slug/integrations/:provider/callback"],
  ])("names our route %s as %s, from the route manifest", (routeId, pattern) => {
    expect(routePattern(app, routeId)).toBe(pattern);
  });

  it.each([
    ["routes/_auth", "/"],
    ["routes/_auth.sign-in", "/sign-in"],
    ["routes/files.$", "/files/*"],
    ["routes/($lang).about", "/:lang?/about"],
    ["routes/reports.$year[.csv]", "/reports/:year.csv"],
    ["routes/docs.$id_.print", "/docs/:id/print"],
    ["routes/w.$slug.reports", "/w/:slug/reports"],
  ])("names %s as %s, as Remix's conventions for layouts, splats, optional and escaped segments do", (routeId, pattern) => {
    expect(routePattern(conventions, routeId)).toBe(pattern);
  });

  it("names every route of ours by parameter names only, and knows no route the manifest lacks", () => {
    // A segment is a word, maybe with an extension, or a :name: no `$`, `[`, `_index` or `login_` left over.
    for (const routeId of Object.keys(app)) expect(routePattern(app, routeId), routeId).toMatch(/^\/$|^(?:\/:?[a-z][a-z0-9-]*(?:\.[a-z]+)?)+$/);
    expect(routePattern(app, "routes/w.$slug.payroll-of-jane-doe")).toBeNull();
    expect(routePattern(app, "routes/w.$slug.risks")).toBeNull();
  });

  it("puts parameter names back into an address, so no slug, id or token is kept", () => {
    expect(patternFromPath("/w/acme/risks/42", { slug: "acme", id: "42" })).toBe("/w/:slug/risks/:id");
    expect(patternFromPath("/invitations/s3cr3t", { token: "s3cr3t" })).toBe("/invitations/:token");
    expect(patternFromPath("/w/risks/risks", { slug: "risks" })).toBe("/w/:slug/risks");
    expect(patternFromPath("/w/acme%20co/vision", { slug: "acme co" })).toBe("/w/:slug/vision");
  });

  it("names a single-fetch data request after the page it loads", () => {
    expect(patternFromPath("/w/acme/risks.data", { slug: "acme" })).toBe("/w/:slug/risks");
    expect(patternFromPath("/_root.data", {})).toBe("/");
  });

  it("collapses a splat to *", () => {
    expect(patternFromPath("/files/a/b/c", { "*": "a/b/c" })).toBe("/files/*");
  });
});
