import { describe, expect, it } from "vitest";
import { patternFromPath, routePattern } from "./route-pattern";

describe("page names in usage data", () => {
  it.each([
    ["routes/w.$slug.risks._index", "/w/:slug/risks"],
    ["routes/w.$slug.transcripts.$id._index", "/w/:slug/transcripts/:id"],
    ["routes/w.$slug.risks[.csv]", "/w/:slug/risks.csv"],
    ["routes/w.$slug.ai.corpus[.json]", "/w/:slug/ai/corpus.json"],
    ["routes/_index", "/"],
    ["routes/login", "/login"],
    ["routes/login_.two-factor", "/login/two-factor"],
    ["routes/_auth.sign-in", "/sign-in"],
    ["routes/auth.$provider.callback", "/auth/:provider/callback"],
    ["routes/files.$", "/files/*"],
    ["routes/($lang).about", "/:lang?/about"],
    ["routes/w.$slug.settings.usage/route", "/w/:slug/settings/usage"],
    ["root", "/"],
  ])("names the route %s as %s", (routeId, pattern) => {
    expect(routePattern(routeId)).toBe(pattern);
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
