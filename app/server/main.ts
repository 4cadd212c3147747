import { statSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { createDatabase } from "../../db/database";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../db/embedded";
import { createMailer } from "../services/email.server";
import { ConfigError, loadConfig, type Config } from "../services/env.server";
import { createLogger } from "../services/logger.server";
import { enqueueJiraStatusSyncs } from "../modules/integrations/jira/jira-jobs.server";
import { createApp } from "./app";
import { startUp } from "./start-up";

const JIRA_STATUS_SYNC_INTERVAL_MS = 15 * 60 * 1000;

const BUILD_PATH = resolve("build/index.js");

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, "postgres"),
      onLog: (line) => logger.debug({ source: "postgres" }, line),
    });
    databaseUrl = await ensureDatabase(embedded, "bearing");
    logger.info({ ms: Date.now() - started, dataDir: config.dataDir }, "embedded PostgreSQL started");
  }

  const db = createDatabase(databaseUrl, { onError: (err) => logger.warn({ error: err.message }, "database connection lost") });
  const { applied, jobs } = await startUp({ db, databaseUrl, config, logger });
  logger.info({ applied }, applied.length ? "migrations applied" : "schema up to date");

  const build = await loadBuild(config);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.emailFrom }, logger);
  const app = createApp({ build, db, config, logger, mailer, jobs });
  // Jira statuses follow on a schedule as well as on demand. Each instance ticks; a status sync already
  // queued for a connection is not queued again (one queued or running job per kind and connection).
  const statusSyncs = setInterval(() => {
    enqueueJiraStatusSyncs(db, jobs).catch((error: unknown) => logger.warn({ err: error }, "queueing the scheduled Jira status syncs failed"));
  }, JIRA_STATUS_SYNC_INTERVAL_MS);
  statusSyncs.unref();

  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ url: config.appUrl.href, mode: config.mode }, `Bearing is ready on ${config.appUrl.href}`);
    if (process.env.REMIX_DEV_ORIGIN && typeof build !== "function") broadcastDevReady(build);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.closeAllConnections?.();
    await new Promise((done) => server.close(done));
    clearInterval(statusSyncs);
    // Running jobs save a checkpoint and are handed back to the queue before the pool they write with closes.
    await jobs.stop();
    await db.destroy();
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\n\nSee the environment table in README.md.`);
      process.exit(1);
    }
    throw error;
  }
}

/** Under `remix dev` the build is re-imported whenever it changes; otherwise imported once. */
async function loadBuild(config: Config): Promise<ServerBuild | (() => Promise<ServerBuild>)> {
  const importBuild = async () => {
    const version = statSync(BUILD_PATH).mtimeMs;
    return (await import(`${pathToFileURL(BUILD_PATH).href}?v=${version}`)) as ServerBuild;
  };
  if (config.mode !== "development" || !process.env.REMIX_DEV_ORIGIN) return importBuild();
  let current = await importBuild();
  let version = statSync(BUILD_PATH).mtimeMs;
  return async () => {
    const latest = statSync(BUILD_PATH).mtimeMs;
    if (latest !== version) {
      version = latest;
      current = await importBuild();
      broadcastDevReady(current);
    }
    return current;
  };
}

main().catch((error: unknown) => {
  console.error("Bearing failed to start:", error);
  process.exit(1);
});
