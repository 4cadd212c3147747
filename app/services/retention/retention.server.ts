import type { Database } from "../../../db/database";
import type { Config } from "../env.server";
import type { Logger } from "../logger.server";

/**
 * The daily retention job's runner (PRODUCT.md §6, docs/decisions/015-…). What it deletes is decided by
 * each kind of data's own module: every step is a plain function of the database and the clock there,
 * testable and runnable alone, and the server hands the job its list of steps (app/server/background-jobs.ts).
 */

/** What a task works with: the database, the configuration (to reach integration providers), the log, the clock. */
export interface RetentionScope {
  db: Database;
  config: Config;
  logger: Logger;
  now: Date;
}

export interface RetentionTask {
  name: string;
  /** Rows removed (or written, for a roll-up), by what they were; logged, never personal data. */
  run(scope: RetentionScope): Promise<Record<string, number>>;
}

/** A task that deletes rows and answers how many. */
export const deletionTask = (name: string, purge: (db: Database, now: Date) => Promise<number>): RetentionTask => ({
  name,
  run: async ({ db, now }) => ({ deleted: await purge(db, now) }),
});

/**
 * Runs every task in order and logs its counts. A failing task is logged and the others still run; the
 * job then fails, so pg-boss retries it (each task is idempotent).
 */
export async function runRetention(
  scope: Omit<RetentionScope, "now">,
  tasks: readonly RetentionTask[],
  now = new Date(),
): Promise<Record<string, Record<string, number>>> {
  const { logger } = scope;
  const results: Record<string, Record<string, number>> = {};
  const failed: string[] = [];
  for (const task of tasks) {
    try {
      results[task.name] = await task.run({ ...scope, now });
      logger.info({ task: task.name, ...results[task.name] }, "retention task done");
    } catch (error) {
      failed.push(task.name);
      logger.error({ task: task.name, err: error }, "retention task failed");
    }
  }
  if (failed.length) throw new Error(`Retention tasks failed: ${failed.join(", ")}.`);
  return results;
}
