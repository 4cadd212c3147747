import { defineConfig } from "@playwright/test";
import { assignE2ePorts } from "./e2e/support/ports";

// Free ports unless E2E_*_PORT say otherwise: another program or run on the machine never collides.
const { E2E_APP_PORT: APP_PORT } = assignE2ePorts();
// `localhost`, not 127.0.0.1: the server refuses a POST whose Origin is not APP_URL's, and Chromium
// treats http://localhost as a secure context, so the production cookie (Secure) is kept.
const APP_URL = `http://localhost:${APP_PORT}`;

/**
 * End-to-end tests: Debian's Chromium (no browser download) against the production build, started
 * with its own PostgreSQL and SMTP mailbox by e2e/support/start-server.ts. `npm test` builds first.
 */
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "e2e/.artifacts/test-results",
  // Every test arranges its own users and workspaces, so any two can run side by side.
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two cores: two browsers at a time keep both busy without starving the server and PostgreSQL.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "npx tsx e2e/support/start-server.ts",
    url: `${APP_URL}/readyz`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the harness stop the server and PostgreSQL and remove its temporary directory.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
