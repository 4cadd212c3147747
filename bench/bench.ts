// `npm run bench` (issue 3, item 13): the dashboard, roadmap, initiatives list and search of a
// workspace with 10,000 initiatives, 20,000 risks and 2,000 roadmap items, served by the real app
// (the production build, in this process) and by the floor (bench/floor-server.ts) under 50
// concurrent connections; then the SQL queries each page costs at 10 and at 10,000 items.
// Everything runs on a throwaway embedded PostgreSQL that is removed at the end. Not a test:
// nothing here asserts a figure.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { seed } from "../app/cli/seed";
import { seedScale } from "../app/cli/seed/scale";
import { createApp } from "../app/server/app";
import { createMailer } from "../app/services/email.server";
import { loadConfig } from "../app/services/env.server";
import { createLogger } from "../app/services/logger.server";
import { createSession, SESSION_COOKIE } from "../app/services/session.server";
import type { Database } from "../db/database";
import { ensureDatabase, findFreePort, startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded";
import { migrateToLatest } from "../db/migrator";
import type { DB } from "../db/schema";
import { startFloorServer } from "./floor-server";
import { printTable } from "./report";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SCALE = Number(process.env.BENCH_SCALE ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const ROUTES = [
  { name: "dashboard", path: "" },
  { name: "roadmap", path: "/roadmap" },
  { name: "initiatives", path: "/initiatives" },
  { name: "search", path: "/search?q=checkout" },
] as const;

interface LoadResult {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** autocannon in a child process, so that it does not share this process's CPU time or memory with the servers. */
function load(url: string, cookie?: string): Promise<LoadResult> {
  const cli = join(dirname(createRequire(import.meta.url).resolve("autocannon/package.json")), "autocannon.js");
  const args = [cli, "-c", String(CONNECTIONS), "-d", String(DURATION), "-j", "-n", ...(cookie ? ["-H", `cookie=${cookie}`] : []), url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const result = JSON.parse(output);
      resolve({ requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors });
    });
  });
}

/** A Kysely that counts every statement it sends: the app's queries per request. */
function countingDatabase(url: string) {
  const counter = { queries: 0 };
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: () => void counter.queries++ });
  return { db: db as Database, counter, pool };
}

/**
 * Waits until the servers have finished what the last run left them: autocannon closes its
 * connections when its time is up, but requests already accepted are still being answered, and
 * they would slow the next run down.
 */
async function settle(pools: pg.Pool[]) {
  const idle = () => pools.every((pool) => pool.waitingCount === 0 && pool.idleCount === pool.totalCount);
  for (let quiet = 0, waited = 0; quiet < 5 && waited < 120_000; waited += 100) {
    const lagStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lagging = performance.now() - lagStart > 150;
    quiet = idle() && !lagging ? quiet + 1 : 0;
  }
}

async function listen(app: ReturnType<typeof createApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, "127.0.0.1", () => resolve(server)).on("error", reject);
  });
}

async function main() {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-bench-"));
  let postgres: EmbeddedServer | undefined;
  const closers: Array<() => Promise<unknown>> = [];
  const cleanup = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    await postgres?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  try {
    console.log(`Starting PostgreSQL in ${dataDir} …`);
    postgres = await startEmbeddedPostgres({ dataDir });
    const url = await ensureDatabase(postgres, "bench");
    const { db, counter, pool: appPool } = countingDatabase(url);
    closers.push(() => db.destroy());
    await migrateToLatest(db);

    console.log(`Seeding the demo accounts, "Scale ${SCALE}" and "Scale 10" …`);
    const seeded = await seed(db, { scale: SCALE });
    const byRole = (role: string) => seeded.people.find((p) => p.role === role)!.user.id;
    const people = { owner: byRole("owner"), editor: byRole("editor") };
    const small = await seedScale(db, people, 10);
    const large = seeded.scale!.workspace;
    console.log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (scale workspace: ${(seeded.scale!.ms / 1000).toFixed(1)} s)`);
    const { token } = await createSession(db, people.owner);
    const cookie = `${SESSION_COOKIE}=${token}`;

    const [appPort, floorPort] = [await findFreePort(), await findFreePort()];
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: String(appPort),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${appPort}`,
      SESSION_SECRET: "bearing-bench-session-secret-0123456789abcdef",
      ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 9).toString("base64"),
      SMTP_URL: "smtp://127.0.0.1:1",
      LOG_LEVEL: "info",
    });
    // Production logging, written nowhere: its cost is part of the app's.
    const logger = createLogger(config.logLevel, { write: () => true });
    // React picks its production build from NODE_ENV when the server build first imports it.
    process.env.NODE_ENV = "production";
    const build = (await import(pathToFileURL(join(ROOT, "build", "index.js")).href)) as ServerBuild;
    const app = createApp({ build, db, config, logger, mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.emailFrom }, logger), publicDir: join(ROOT, "public") });
    const appServer = await listen(app, appPort);
    closers.push(() => new Promise((done) => (appServer.closeAllConnections(), appServer.close(done))));
    const floorPool = new pg.Pool({ connectionString: url, max: 10 });
    floorPool.on("error", () => {});
    closers.push(() => floorPool.end());
    const floorServer = await startFloorServer(floorPool, db, new Map([[large.slug, large.id], [small.workspace.slug, small.workspace.id]]), floorPort);
    closers.push(() => new Promise((done) => (floorServer.closeAllConnections(), floorServer.close(done))));

    const appUrl = (slug: string, path: string) => `http://127.0.0.1:${appPort}/w/${slug}${path}`;
    const get = (target: string) => fetch(target, { headers: { cookie } });

    // Which routes exist yet, and what each costs in SQL at both sizes (one request at a time).
    const queries: Record<string, { small: number; large: number } | null> = {};
    for (const route of ROUTES) {
      const status = (await get(appUrl(large.slug, route.path))).status;
      if (status !== 200) {
        queries[route.name] = null;
        console.log(`  ${route.name}: answers ${status}, not available`);
        continue;
      }
      const count = async (slug: string) => {
        await (await get(appUrl(slug, route.path))).arrayBuffer();
        const before = counter.queries;
        await (await get(appUrl(slug, route.path))).arrayBuffer();
        return counter.queries - before;
      };
      queries[route.name] = { small: await count(small.workspace.slug), large: await count(large.slug) };
    }

    let peakRss = process.memoryUsage().rss;
    const baselineRss = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    closers.push(async () => clearInterval(sampler));

    const rows = [];
    for (const route of ROUTES) {
      if (!queries[route.name]) {
        rows.push({ route: route.name, app: null, floor: null });
        continue;
      }
      console.log(`Loading ${route.name} (${CONNECTIONS} connections, ${DURATION} s each against the app and the floor) …`);
      await settle([appPool, floorPool]);
      const appResult = await load(appUrl(large.slug, route.path), cookie);
      await settle([appPool, floorPool]);
      const floorResult = await load(`http://127.0.0.1:${floorPort}/w/${large.slug}${route.path}`);
      rows.push({ route: route.name, app: appResult, floor: floorResult });
    }
    clearInterval(sampler);

    printTable({ scale: SCALE, connections: CONNECTIONS, duration: DURATION, rows, queries, baselineRss, peakRss, seconds: (Date.now() - started) / 1000 });
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
