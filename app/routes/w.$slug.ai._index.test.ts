import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PRODUCT_AREAS } from "../components/app-shell";
import { setUpTestApp } from "../server/test-context";
import { visibleText, withoutNonces } from "../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", rival: "Contoso Ledger" });
const page = () => `/w/${env.team.slug}/ai`;

describe("Ask the workspace at /w/:slug/ai", () => {
  it("answers a viewer with the page, whose chat starts in the browser and holds nothing that could post a question", async () => {
    const response = await env.team.viewer.browser.request(page());
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = visibleText(html);
    expect(text).toContain("Ask the workspace");
    expect(text).toContain("Questions about Northwind Payments");
    expect(html).toContain("Ask the workspace needs JavaScript");
    expect(text).toContain("The chat starts once this page has loaded in your browser.");
    expect(text).not.toContain("This part of Bearing is being built.");
    // The question box exists only once the chat runs in the browser: no form here could post a question.
    expect(html).not.toContain("<textarea");
  });

  it("answers 404 to someone who is not a member, exactly as for a workspace that does not exist", async () => {
    const outsider = env.rival.owner.browser;
    const real = await outsider.request(page());
    const madeUp = await outsider.request(`/w/${"z".repeat(env.team.slug.length)}/ai`);
    expect(real.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(withoutNonces(await real.text())).toBe(withoutNonces(await madeUp.text()));
  });

  it("leaves every area in the workspace navigation reachable", async () => {
    for (const area of PRODUCT_AREAS) {
      const response = await env.team.viewer.browser.request(`/w/${env.team.slug}${area.path ? `/${area.path}` : ""}`);
      expect(response.status, area.label).toBe(200);
    }
  });
});

describe("the chat's code", () => {
  // Reads the browser build (`npm run build`), as the browser would fetch it.
  const build = resolve("public/build");
  const manifestFile = readdirSync(build).find((name) => name.startsWith("manifest-"))!;
  const manifestSource = readFileSync(join(build, manifestFile), "utf8");
  const manifest = JSON.parse(manifestSource.slice(manifestSource.indexOf("{"), manifestSource.lastIndexOf("}") + 1)) as {
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const read = (path: string) => readFileSync(join(build, path.replace(/^\/build\//, "")), "utf8");
  /** A chunk and every chunk it imports, as the browser loads them. */
  const withImports = (start: string): string => {
    const seen = new Set<string>();
    const visit = (path: string): string => {
      if (seen.has(path)) return "";
      seen.add(path);
      const code = read(path);
      const imports = [...code.matchAll(/(?:from|import)\s*"(?:\.\/|\/build\/_shared\/)([^"]+\.js)"/g)].map((match) => `_shared/${match[1]}`);
      return [code, ...imports.map(visit)].join("\n");
    };
    return visit(start);
  };
  const SDK_MARKER = "anthropic-dangerous-direct-browser-access";

  it("is not part of what the page loads up front, and arrives with the AI SDK once the chat starts", () => {
    const route = manifest.routes["routes/w.$slug.ai._index"]!;
    const upFront = [route.module, ...(route.imports ?? [])].map(read).join("\n");
    expect(upFront.includes(SDK_MARKER), "the AI SDK in the route's up-front JavaScript").toBe(false);

    const chunk = readdirSync(join(build, "_shared")).find((name) => name.startsWith("workspace-chat.client-"));
    expect(chunk, "a separate chunk for the chat").toBeTruthy();
    expect(withImports(`_shared/${chunk}`).includes(SDK_MARKER), "the AI SDK with the chat's chunk").toBe(true);
  });
});
