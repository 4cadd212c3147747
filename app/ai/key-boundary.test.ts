import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * PRODUCT.md §1: only client modules (`*.client.ts`) read LLM keys. Remix replaces `.client`
 * modules with empty ones in the server build, so this rule is what keeps key handling out of the
 * server; the second test checks the build itself.
 */
const APP = resolve("app");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("keys are read only by client modules", () => {
  it("no module but a *.client.ts(x) one mentions an API key", () => {
    const offenders = sourceFiles(APP)
      .filter((path) => !/\.client\.tsx?$/.test(path))
      .filter((path) => /\bapiKey\b/.test(readFileSync(path, "utf8")))
      .map((path) => relative(APP, path));
    expect(offenders).toEqual([]);
  });

  it("the server build holds neither the key vault nor the AI SDK", () => {
    const server = readFileSync(resolve("build/index.js"), "utf8");
    for (const marker of ["bearing.ai-vault", "anthropic-dangerous-direct-browser-access", "AI_APICallError"]) {
      expect(server.includes(marker), marker).toBe(false);
    }
  });
});
