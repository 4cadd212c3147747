import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../db/embedded";
import { startServerProcess, waitUntilReady } from "./testing-process";

describe("the server process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts on embedded PostgreSQL, stops it cleanly on SIGTERM, and reuses its data on the next start", async () => {
    const port = await findFreePort();
    const url = `http://localhost:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir, HOST: "127.0.0.1" };

    const first = startServerProcess(env);
    await waitUntilReady(url, first);
    expect(await fetch(`${url}/signup`).then((r) => r.status)).toBe(200);
    expect(first.output()).toContain("migrations applied");
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, "postgres", "cluster", "postmaster.pid"))).toBe(false);

    const second = startServerProcess(env);
    await waitUntilReady(url, second);
    expect(second.output()).toContain("schema up to date");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  }, 60_000);

  it("refuses to start on a bad setting and names the variable", async () => {
    const running = startServerProcess({ PORT: "not-a-port", DATA_DIR: dataDir });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/PORT: /);
  });

  it("refuses to start in production without its secrets", async () => {
    const running = startServerProcess({ NODE_ENV: "production", DATA_DIR: dataDir });
    expect(await running.exited).toBe(1);
    for (const name of ["SESSION_SECRET", "ENCRYPTION_MASTER_KEY", "SMTP_URL", "APP_URL"]) {
      expect(running.output()).toContain(`${name}: is required in production`);
    }
  });
});
