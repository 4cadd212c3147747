import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../db/embedded";

// `npm start` runs exactly this after building: the bundled server on an embedded PostgreSQL.
const SERVER = resolve("build/server.js");

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Running {
  let output = "";
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(url: string, running: Running) {
  for (;;) {
    if (running.child.exitCode !== null) throw new Error(`server exited early:\n${running.output()}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the server process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts on embedded PostgreSQL, stops it cleanly on SIGTERM, and reuses its data on the next start", async () => {
    const port = await findFreePort();
    const url = `http://localhost:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir, HOST: "127.0.0.1" };

    const first = startServer(env);
    await waitUntilReady(url, first);
    expect(await fetch(`${url}/signup`).then((r) => r.status)).toBe(200);
    expect(first.output()).toContain("migrations applied");
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, "postgres", "cluster", "postmaster.pid"))).toBe(false);

    const second = startServer(env);
    await waitUntilReady(url, second);
    expect(second.output()).toContain("schema up to date");
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  }, 60_000);

  it("refuses to start on a bad setting and names the variable", async () => {
    const running = startServer({ PORT: "not-a-port", DATA_DIR: dataDir });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/PORT: /);
  });

  it("refuses to start in production without its secrets", async () => {
    const running = startServer({ NODE_ENV: "production", DATA_DIR: dataDir });
    expect(await running.exited).toBe(1);
    for (const name of ["SESSION_SECRET", "ENCRYPTION_MASTER_KEY", "SMTP_URL", "APP_URL"]) {
      expect(running.output()).toContain(`${name}: is required in production`);
    }
  });
});
