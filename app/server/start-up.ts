import type { Database } from "../../db/database";
import { migrateToLatest } from "../../db/migrator";
import { whileHoldingStartUpLock } from "../../db/start-up-lock";
import type { Config } from "../services/env.server";
import { startJobQueue, type JobQueue } from "../services/jobs/queue.server";
import type { Logger } from "../services/logger.server";
import { startRetentionJob } from "../services/retention/retention-job.server";
import { BACKGROUND_JOBS, RETENTION_TASKS } from "./background-jobs";

export interface StartUpOptions {
  db: Database;
  databaseUrl: string;
  config: Config;
  logger: Logger;
}

/**
 * What a server does to the database before it takes requests: the schema brought to the latest
 * migration, then the job queue (pg-boss's own schema, a queue per job kind, the retention schedule)
 * started with its workers, handed what they run (./background-jobs.ts). Instances started together
 * take turns (db/start-up-lock.ts).
 */
export function startUp({ db, databaseUrl, config, logger }: StartUpOptions): Promise<{ applied: string[]; jobs: JobQueue }> {
  return whileHoldingStartUpLock(db, async () => {
    const applied = await migrateToLatest(db);
    // The worker runs in this process: a job interrupted by a restart is continued by the next one.
    const jobs = await startJobQueue({ databaseUrl, db, logger, config, handlers: BACKGROUND_JOBS });
    try {
      await startRetentionJob(jobs, db, config, logger, RETENTION_TASKS);
    } catch (error) {
      await jobs.stop();
      throw error;
    }
    return { applied, jobs };
  });
}
