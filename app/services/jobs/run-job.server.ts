import { sql, type Transaction } from "kysely";
import type PgBoss from "pg-boss";
import type { Database } from "../../../db/database";
import type { DB, IntegrationJobResult } from "../../../db/schema";
import { IntegrationError, type IntegrationErrorKind } from "../../../integrations/types";
import type { Config } from "../env.server";
import type { Logger } from "../logger.server";
import type { JobPolicy } from "./queue.server";
import type { JobContext, JobHandler } from "./job-definition.server";

/** What pg-boss carries for a job: where its row is, and the handler's input. */
export interface JobPayload {
  workspaceId: string;
  jobId: string;
  connectionId: string | null;
  /** Absent in jobs queued before subjects existed. */
  subject?: string;
  input: unknown;
}

/** One pg-boss job per unfinished row of a workspace, kind, connection and subject (see jobs.server.ts). */
export function singletonKey({ workspaceId, connectionId, subject }: JobPayload, kind: string) {
  return `${workspaceId}:${kind}:${connectionId ?? "-"}${subject ? `:${subject}` : ""}`;
}

// A slice ends this long before pg-boss would expire the run, leaving the handler time to checkpoint.
const SLICE_SHARE = 0.75;

interface RunJobOptions {
  db: Database;
  config: Config;
  boss: PgBoss;
  logger: Logger;
  policy: JobPolicy;
  job: PgBoss.JobWithMetadata<JobPayload>;
  /** What runs jobs of this kind. */
  handler: JobHandler;
  /** Aborted when this server stops. */
  stopping: AbortSignal;
}

/**
 * Runs one slice of a job. A slice that ends (time, shutdown) continues as a new pg-boss job from the
 * saved checkpoint; a handler error fails the attempt, and pg-boss retries it with backoff.
 */
export async function runJob({ db, config, boss, logger, policy, job, handler, stopping }: RunJobOptions) {
  const { workspaceId, jobId, connectionId, input } = job.data;
  if (await cancelIfWorkspaceDeleted(db, workspaceId, jobId)) return;
  const row = await db
    .updateTable("integration_jobs")
    .set({ status: "running", started_at: sql`coalesce(started_at, now())`, attempts: sql`attempts + 1` })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .where("status", "in", ["queued", "running"])
    .returning(["checkpoint", "attempts"])
    .executeTakeFirst();
  // Cancelled, finished, or deleted with its connection: nothing left to do.
  if (!row) return;

  const sliceEnded = new AbortController();
  const cancelled = new AbortController();
  const timer = setTimeout(() => sliceEnded.abort(new Error("This slice of the job ran out of time.")), policy.expireInSeconds * 1000 * SLICE_SHARE);
  timer.unref();
  const signal = AbortSignal.any([stopping, sliceEnded.signal, cancelled.signal]);
  const thisJob = db.updateTable("integration_jobs").where("workspace_id", "=", workspaceId).where("id", "=", jobId);
  const context: JobContext = {
    db,
    config,
    workspaceId,
    jobId,
    connectionId,
    input,
    resumeFrom: row.checkpoint ?? null,
    attempt: row.attempts,
    signal,
    async progress(done, total) {
      const updated = await thisJob
        .set(total === undefined ? { done } : { done, total })
        .returning("status")
        .executeTakeFirst();
      if (updated?.status === "cancelled") cancelled.abort(new Error("The job was cancelled."));
    },
    async checkpoint(value) {
      await thisJob.set({ checkpoint: JSON.stringify(value) }).execute();
    },
    produce: (make) => produceOnce(db, workspaceId, jobId, make),
  };

  try {
    await handler(context);
  } catch (error) {
    if (!signal.aborted) return failAttempt(db, logger, job, error);
  } finally {
    clearTimeout(timer);
  }
  if (cancelled.signal.aborted) return;
  if (signal.aborted) return continueLater(db, boss, logger, job);
  await thisJob.set({ status: "succeeded", finished_at: new Date(), last_error: null }).where("status", "=", "running").execute();
}

/**
 * Runs `make` and records what it returns as the job's result in one transaction, the job's row locked:
 * a retried or resumed run finds the result already there and makes nothing twice.
 */
async function produceOnce(db: Database, workspaceId: string, jobId: string, make: (trx: Transaction<DB>) => Promise<IntegrationJobResult>) {
  return db.transaction().execute(async (trx) => {
    const job = await trx
      .selectFrom("integration_jobs")
      .select("result")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", jobId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (job.result) return job.result;
    const result = await make(trx);
    await trx.updateTable("integration_jobs").set({ result: JSON.stringify(result) }).where("workspace_id", "=", workspaceId).where("id", "=", jobId).execute();
    return result;
  });
}

// A provider that says "no access" or "no such page" says the same on every retry: the job stops at once.
const WORTH_RETRYING: ReadonlySet<IntegrationErrorKind> = new Set(["rate-limited", "provider", "unreachable"]);
const worthRetrying = (error: unknown) => !(error instanceof IntegrationError) || WORTH_RETRYING.has(error.kind);

/**
 * Records the error where the UI shows it, then rethrows so pg-boss retries (or gives up). An error no
 * retry can mend fails the job at once, and pg-boss is told the attempt completed, so it retries nothing.
 */
async function failAttempt(db: Database, logger: Logger, job: PgBoss.JobWithMetadata<JobPayload>, error: unknown): Promise<void> {
  const { workspaceId, jobId } = job.data;
  const message = error instanceof Error ? error.message : String(error);
  const retry = worthRetrying(error);
  const final = !retry || job.retryCount >= job.retryLimit;
  await db
    .updateTable("integration_jobs")
    .set({ status: final ? "failed" : "queued", last_error: message, finished_at: final ? new Date() : null })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .where("status", "=", "running")
    .execute();
  // Only the message: a provider's error may quote a URL, never the token, but its cause might.
  logger.warn({ jobId, kind: job.name, attempt: job.retryCount + 1, final, error: message }, "background job attempt failed");
  if (retry) throw error;
}

/** The next slice runs as a new pg-boss job (a fresh retry budget) from the checkpoint just saved. */
async function continueLater(db: Database, boss: PgBoss, logger: Logger, job: PgBoss.JobWithMetadata<JobPayload>) {
  const { workspaceId, jobId } = job.data;
  await db
    .updateTable("integration_jobs")
    .set({ status: "queued" })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .where("status", "=", "running")
    .execute();
  const sent = await boss.send(job.name, job.data, { singletonKey: singletonKey(job.data, job.name) });
  logger.info({ jobId, kind: job.name, continued: Boolean(sent) }, "background job paused; it continues from its checkpoint");
}

/** pg-boss gave up on a job whose last attempt never reported back: say so where the UI looks. */
export async function markGivenUp(db: Database, { workspaceId, jobId }: JobPayload) {
  await db
    .updateTable("integration_jobs")
    .set({
      status: "failed",
      finished_at: new Date(),
      last_error: sql`coalesce(last_error, 'The job stopped responding on its last attempt and was given up.')`,
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .where("status", "in", ["queued", "running"])
    .execute();
}

/** A workspace deleted since its job was queued runs nothing more; after a restore the job shows as cancelled. */
async function cancelIfWorkspaceDeleted(db: Database, workspaceId: string, jobId: string): Promise<boolean> {
  const result = await db
    .updateTable("integration_jobs")
    .set({ status: "cancelled", finished_at: new Date(), last_error: "The workspace was deleted." })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", jobId)
    .where("status", "in", ["queued", "running"])
    .where((eb) => eb.exists(eb.selectFrom("workspaces").select("workspaces.id").where("workspaces.id", "=", workspaceId).where("workspaces.deleted_at", "is not", null)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
