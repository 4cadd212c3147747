import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": resolve("app") } },
  test: {
    include: ["{app,db,integrations,bench}/**/*.test.{ts,tsx}"],
    exclude: ["e2e/**", "node_modules/**", "build/**"],
    globalSetup: ["db/testing/global-setup.ts"],
    setupFiles: ["db/testing/fail-on-console-error.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
