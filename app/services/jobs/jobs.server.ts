import { CompiledQuery, type Transaction } from "kysely";
import type PgBoss from "pg-boss";
import type { Database } from "../../../db/database";
import type { DB, IntegrationJobResult, IntegrationJobStatus } from "../../../db/schema";
import { AppError } from "../errors.server";
import type { JobQueue } from "./queue.server";
import { singletonKey, type JobPayload } from "./run-job.server";

/** A job as the UI shows it (app/modules/integrations/job-progress.tsx). */
export interface JobView {
  id: string;
  kind: string;
  connectionId: string | null;
  status: IntegrationJobStatus;
  /** What the job made (a job importing one page links its transcript here). */
  result: IntegrationJobResult | null;
  done: number;
  total: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface EnqueueJob {
  workspaceId: string;
  kind: string;
  connectionId?: string | null;
  /** For a kind that works on one thing at a time (a Notion page): which one. */
  subject?: string;
  input?: unknown;
  createdBy: string | null;
}

/**
 * Queues a job, or returns the one already queued or running for the same workspace, kind, connection
 * and subject. The row and the pg-boss job are written in one transaction: neither exists without the other.
 */
export async function enqueueJob(db: Database, queue: JobQueue | null, job: EnqueueJob): Promise<{ id: string; created: boolean }> {
  if (!queue) throw new AppError(503, "Background jobs are off", "This server does not run background jobs. Try again later.");
  const connectionId = job.connectionId ?? null;
  const subject = job.subject ?? "";
  await queue.prepare(job.kind);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("integration_jobs")
      .values({ workspace_id: job.workspaceId, kind: job.kind, connection_id: connectionId, subject, created_by: job.createdBy })
      .onConflict((oc) => oc.columns(["workspace_id", "kind", "connection_id", "subject"]).where("status", "in", ["queued", "running"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom("integration_jobs")
        .select("id")
        .where("workspace_id", "=", job.workspaceId)
        .where("kind", "=", job.kind)
        .where((eb) => (connectionId ? eb("connection_id", "=", connectionId) : eb("connection_id", "is", null)))
        .where("subject", "=", subject)
        .where("status", "in", ["queued", "running"])
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    }
    const payload: JobPayload = { workspaceId: job.workspaceId, jobId: inserted.id, connectionId, subject, input: job.input ?? null };
    await queue.boss.send(job.kind, payload, {
      singletonKey: singletonKey(payload, job.kind),
      db: inTransaction(trx),
    });
    return { id: inserted.id, created: true };
  });
}

/** Lets pg-boss write its job inside our transaction. */
function inTransaction(trx: Transaction<DB>): PgBoss.Db {
  return { executeSql: (text, values) => trx.executeQuery(CompiledQuery.raw(text, values)) };
}

const COLUMNS = [
  "id", "kind", "connection_id", "status", "result", "done", "total", "attempts", "last_error", "created_at", "started_at", "finished_at",
] as const;

function selectJobs(db: Database, workspaceId: string) {
  return db.selectFrom("integration_jobs").select(COLUMNS).where("workspace_id", "=", workspaceId);
}

type JobRow = Awaited<ReturnType<ReturnType<typeof selectJobs>["executeTakeFirstOrThrow"]>>;

function toView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    connectionId: row.connection_id,
    status: row.status,
    result: row.result,
    done: row.done,
    total: row.total,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export async function findJob(db: Database, workspaceId: string, id: string): Promise<JobView | undefined> {
  const row = await selectJobs(db, workspaceId).where("id", "=", id).executeTakeFirst();
  return row && toView(row);
}

/** The latest jobs of a workspace, newest first, all or one provider's (kinds read "<provider>.<action>"). */
export async function listJobs(db: Database, workspaceId: string, { limit = 20, provider }: { limit?: number; provider?: string } = {}): Promise<JobView[]> {
  const rows = await selectJobs(db, workspaceId)
    .$if(provider !== undefined, (query) => query.where("kind", "like", `${provider}.%`))
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toView);
}

