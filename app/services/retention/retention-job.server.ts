import type { Database } from "../../../db/database";
import type { Config } from "../env.server";
import type { JobQueue } from "../jobs/queue.server";
import type { Logger } from "../logger.server";
import { runRetention, type RetentionTask } from "./retention.server";

/**
 * The retention job: a system job on pg-boss, not tied to a workspace, so it is not one of the
 * integration jobs' handlers. pg-boss sends it by cron (the worker runs with `schedule: true`); with several
 * instances, pg-boss's own lock lets one of them send each tick.
 */
export const RETENTION_QUEUE = "system.retention";
/** Daily at 03:15 UTC, a quiet hour. */
export const RETENTION_CRON = "15 3 * * *";

/** Creates the queue, (re)writes its schedule and works it with the tasks given. Call once per worker process. */
export async function startRetentionJob(queue: JobQueue, db: Database, config: Config, logger: Logger, tasks: readonly RetentionTask[]): Promise<void> {
  const { boss } = queue;
  const options = { name: RETENTION_QUEUE, policy: "singleton" as const, retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 30 * 60 };
  await boss.createQueue(RETENTION_QUEUE, options);
  await boss.updateQueue(RETENTION_QUEUE, options);
  await boss.schedule(RETENTION_QUEUE, RETENTION_CRON, {}, { tz: "UTC" });
  await boss.work(RETENTION_QUEUE, { batchSize: 1 }, async () => {
    await runRetention({ db, config, logger }, tasks);
  });
}

/** Runs the retention job now, through the queue (an operator, or a test); answers the pg-boss job id. */
export async function runRetentionNow(queue: JobQueue): Promise<string> {
  const id = await queue.boss.send(RETENTION_QUEUE, {});
  if (!id) throw new Error("The retention job is already queued.");
  return id;
}
