import { sql } from "kysely";
import { defineJob } from "./job-definition.server";

/**
 * A stand-in import for the job tests: it writes `count` initiatives titled "Imported 1…count" into the
 * workspace, one per step, each write idempotent (skipped when the title exists), and checkpoints the next
 * step after each write, as a real import checkpoints its provider cursor.
 */
export interface TitleImportInput {
  count: number;
  /** Attempts (counted from 1) that fail after their first write, as a provider's 503 would. */
  failingAttempts?: number;
  /** On the first attempt, after this many steps are checkpointed: wait until the run is told to stop. */
  pauseAfterSteps?: number;
  /** In the crash worker only: after this many writes, and before their checkpoint, stop and hang. */
  hangAfterWrites?: number;
}

export const TITLE_IMPORT = "test.title-import";
export const MAKE_ONE = "test.make-one";

const titleImport = defineJob<TitleImportInput, { next: number }>(TITLE_IMPORT, async (job) => {
  const { count, failingAttempts = 0, hangAfterWrites, pauseAfterSteps } = job.input;
  let written = 0;
  for (let step = job.resumeFrom?.next ?? 0; step < count; step++) {
    if (job.signal.aborted) return;
    const title = `Imported ${step + 1}`;
    await sql`insert into initiatives (workspace_id, title)
      select ${job.workspaceId}, ${title}
      where not exists (select 1 from initiatives where workspace_id = ${job.workspaceId} and title = ${title})`.execute(job.db);
    written++;
    if (job.attempt <= failingAttempts) throw new Error(`The provider answered 503 on attempt ${job.attempt}.`);
    if (process.env.BEARING_HANG_JOBS === "1" && written === hangAfterWrites) {
      process.send?.("hanging");
      await new Promise(() => {});
    }
    await job.checkpoint({ next: step + 1 });
    await job.progress(step + 1, count);
    if (job.attempt === 1 && step + 1 === pauseAfterSteps) await stopped(job.signal);
  }
});

function stopped(signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}

/**
 * A stand-in for a job that makes one thing (a Notion page import): it makes the initiative `title`
 * through `produce`, then fails its first `failingAttempts` attempts, as a crash after the commit would.
 */
const makeOne = defineJob<{ title: string; failingAttempts: number }>(MAKE_ONE, async (job) => {
  const { title, failingAttempts } = job.input;
  await job.produce(async (trx) => {
    const made = await trx.insertInto("initiatives").values({ workspace_id: job.workspaceId, title }).returning("id").executeTakeFirstOrThrow();
    return { noun: "initiative", title, path: `/initiatives/${made.id}` };
  });
  if (job.attempt <= failingAttempts) throw new Error(`The worker died after attempt ${job.attempt} made its initiative.`);
});

/** The stand-in jobs above, for a test's worker: `startJobQueue({ handlers: TEST_JOB_HANDLERS })`. */
export const TEST_JOB_HANDLERS = [titleImport, makeOne];
