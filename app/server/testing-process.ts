import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

// `npm start` runs exactly this after building: the bundled server (app/server/main.ts).
const SERVER = resolve("build/server.js");

/** A Bearing server running as its own process, as in production: what it printed, and how it ended. */
export interface ServerProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
  /** Alive: it has neither exited nor been killed by a signal. */
  running(): boolean;
}

export function startServerProcess(env: Record<string, string>): ServerProcess {
  let output = "";
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "development", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return { child, output: () => output, exited, running: () => child.exitCode === null && child.signalCode === null };
}

/** Waits for `/readyz` to answer 200; fails with the server's output if the process exits first. */
export async function waitUntilReady(url: string, server: ServerProcess): Promise<void> {
  for (;;) {
    if (!server.running()) throw new Error(`server exited early:\n${server.output()}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** SIGTERM, as an orchestrator stops a server; answers its exit code. */
export async function stopServerProcess(server: ServerProcess): Promise<number | null> {
  if (server.running()) server.child.kill("SIGTERM");
  return server.exited;
}

/** What a production deployment sets; the SMTP server is never reached by the fault tests. */
export function productionEnv({ port, appUrl, databaseUrl, dataDir }: { port: number; appUrl: string; databaseUrl: string; dataDir: string }) {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: appUrl,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SESSION_SECRET: "bearing-faults-session-secret-0123456789abcdef",
    ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 9).toString("base64"),
    SMTP_URL: "smtp://127.0.0.1:1",
  };
}
