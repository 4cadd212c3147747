import type { Database } from "../../../../db/database";
import { enqueueJob } from "../../../services/jobs/jobs.server";
import type { JobQueue } from "../../../services/jobs/queue.server";
import { defineJob } from "../../../services/jobs/job-definition.server";
import { importJiraIssues } from "./jira-import.server";
import { syncJiraStatuses } from "./jira-sync.server";

/**
 * The Jira import and status sync as background jobs (app/services/jobs): the import checkpoints the
 * search's next-page token after every committed page, so a restarted job carries on from there, and
 * writes nothing twice (it is idempotent on the issue key anyway).
 */

export interface JiraImportJobInput {
  jql: string;
  actorId: string;
}

export const JIRA_IMPORT_JOB = "jira.import";
export const JIRA_STATUS_SYNC_JOB = "jira.status-sync";

const jiraImport = defineJob<JiraImportJobInput, { nextPageToken: string | null; done: number }>(JIRA_IMPORT_JOB, async (job) => {
  await importJiraIssues(job.db, job.config, {
    workspaceId: job.workspaceId,
    actorId: job.input.actorId,
    jql: job.input.jql,
    startToken: job.resumeFrom?.nextPageToken ?? null,
    doneBefore: job.resumeFrom?.done ?? 0,
    signal: job.signal,
    checkpoint: (nextPageToken, done) => job.checkpoint({ nextPageToken, done }),
    progress: (done) => job.progress(done, null),
  });
});

const jiraStatusSync = defineJob<{ actorId: string | null }>(JIRA_STATUS_SYNC_JOB, async (job) => {
  const { checked } = await syncJiraStatuses(job.db, job.config, job.workspaceId, job.input?.actorId ?? null);
  await job.progress(checked, checked);
});

/** What a worker runs for Jira's kinds of job; the server hands them to its queue (app/server/background-jobs.ts). */
export const JIRA_JOB_HANDLERS = [jiraImport, jiraStatusSync];

/**
 * The scheduled half of "keep statuses in sync": one status-sync job per workspace whose Jira is connected
 * with a site chosen. Meant to be called on a timer by the server process (enqueueJob skips a workspace
 * whose sync is still queued or running, so overlapping ticks add nothing).
 */
export async function enqueueJiraStatusSyncs(db: Database, queue: JobQueue): Promise<number> {
  // Across workspaces on purpose, like the job queue itself: each job it queues then works in one workspace.
  const connections = await db
    .selectFrom("integration_connections")
    .innerJoin("workspaces", "workspaces.id", "integration_connections.workspace_id")
    .select(["integration_connections.workspace_id", "integration_connections.id"])
    .where("integration_connections.provider", "=", "jira")
    .where("integration_connections.status", "=", "connected")
    .where(({ ref }) => ref("integration_connections.settings", "->>").key("cloudId" as never), "is not", null)
    .where("workspaces.deleted_at", "is", null)
    .execute();
  for (const connection of connections) {
    await enqueueJob(db, queue, { workspaceId: connection.workspace_id, kind: JIRA_STATUS_SYNC_JOB, connectionId: connection.id, input: { actorId: null }, createdBy: null });
  }
  return connections.length;
}
