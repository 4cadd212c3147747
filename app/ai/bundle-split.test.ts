import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * PRODUCT.md §4: the AI SDK is loaded only on screens that use AI, and only when an agent opens.
 * Reads the browser build (`npm run build`) the way a browser would: a route's module plus the
 * chunks the manifest preloads for it.
 */
const PUBLIC_BUILD = resolve("public/build");
// Strings only the AI SDK and its provider packages contain (our own catalogue names the providers' hosts).
const SDK_MARKERS = ["AI_APICallError", "AI_NoOutputGeneratedError", "anthropic-version"];

interface Manifest {
  routes: Record<string, { module: string; imports?: string[] }>;
}

function readManifest(): Manifest {
  const file = readdirSync(PUBLIC_BUILD).find((name) => name.startsWith("manifest-"));
  if (!file) throw new Error("public/build has no manifest: run `npm run build` first.");
  const source = readFileSync(join(PUBLIC_BUILD, file), "utf8");
  return JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as Manifest;
}

/**
 * A module and everything it imports statically, as the browser would fetch it; dynamic `import()`s
 * (fetched only when code runs them) are left out.
 */
function staticallyLoaded(entries: readonly string[]): string {
  const seen = new Set<string>();
  const pending = [...entries];
  const code: string[] = [];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(join(PUBLIC_BUILD, path.replace(/^\/build\//, "")), "utf8");
    code.push(source);
    for (const match of source.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},\s*$]+from\s*)?"(\/build\/[^"]+\.js)"/g)) pending.push(match[1]!);
  }
  return code.join("\n");
}

function routeJavaScript(manifest: Manifest, routeId: string): string {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the manifest`);
  return staticallyLoaded([manifest.routes.root!.module, route.module, ...(route.imports ?? [])]);
}

describe("AI code loads only where it is used", () => {
  const manifest = readManifest();

  it.each([
    "routes/w.$slug._index",
    "routes/w.$slug.risks._index",
    "routes/w.$slug.initiatives._index",
    "routes/w.$slug.initiatives.$id._index",
    "routes/w.$slug.personas._index",
    "routes/w.$slug.competitors.$id._index",
    "routes/w.$slug.vision._index",
    "routes/w.$slug.transcripts.$id._index",
    "routes/w.$slug.ai._index",
    "routes/settings.ai-keys",
  ])(
    "the JavaScript %s loads up front does not contain the AI SDK",
    (routeId) => {
      const code = routeJavaScript(manifest, routeId);
      for (const marker of SDK_MARKERS) expect(code.includes(marker), `${routeId} loads "${marker}" up front`).toBe(false);
    },
  );

  it("the risk analyst's panel, fetched when it opens, brings the SDK with it", () => {
    const shared = readdirSync(join(PUBLIC_BUILD, "_shared"));
    const panel = shared.find((name) => name.startsWith("risk-analyst-panel.client-"));
    expect(panel, "a separate chunk for the risk analyst panel").toBeTruthy();
    const code = staticallyLoaded([`/build/_shared/${panel}`]);
    for (const marker of SDK_MARKERS) expect(code.includes(marker), marker).toBe(true);
  });
});
