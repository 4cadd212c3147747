import type { IntegrationJobResult, TranscriptSegment } from "../../../db/schema";
import type { SlackThreadMessage } from "../../../integrations/slack/web-client";
import { IntegrationError } from "../../../integrations/types";
import { enqueueJob } from "../../services/jobs/jobs.server";
import type { JobQueue } from "../../services/jobs/queue.server";
import { defineJob, type JobContext } from "../../services/jobs/job-definition.server";
import { createTranscript } from "../transcripts/transcripts.server";
import { requireConnection } from "./connections.server";
import { callSlack, type SlackWorkspace } from "./slack.server";

/**
 * Importing a Slack thread as a transcript, as a background job: retried with backoff when Slack is
 * limiting requests, one job per thread at a time, and the transcript made exactly once.
 */

export const SLACK_THREAD_IMPORT_JOB = "slack.import-thread";

export interface SlackThreadImportInput {
  channel: string;
  threadTs: string;
  title: string;
  actorId: string;
}

/**
 * A Slack message link ("Copy link": https://team.slack.com/archives/C123/p1700000000000100, with
 * `?thread_ts=` when it points at a reply) as the channel and the thread's parent timestamp.
 */
export function parseSlackThreadLink(value: string): { channel: string; threadTs: string } | null {
  const match = value.trim().match(/\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})(?:[?#].*)?$/);
  if (!match) return null;
  const threadTs = new URL(value.trim(), "https://slack.com").searchParams.get("thread_ts");
  return { channel: match[1]!, threadTs: threadTs ?? `${match[2]}.${match[3]}` };
}

/** Queues the import of a thread (from parseSlackThreadLink), or finds the one already queued for it. */
export async function queueSlackThreadImport(context: SlackWorkspace, jobs: JobQueue | null, thread: { channel: string; threadTs: string }, title: string) {
  const connection = await requireConnection(context.db, context.workspace.id, "slack");
  const job: SlackThreadImportInput = { ...thread, title, actorId: context.actorId };
  return enqueueJob(context.db, jobs, {
    workspaceId: context.workspace.id,
    kind: SLACK_THREAD_IMPORT_JOB,
    connectionId: connection.id,
    subject: `${thread.channel}:${thread.threadTs}`,
    input: job,
    createdBy: context.actorId,
  });
}

/** One run of the job: reads the thread (progress counts its messages) and makes its transcript once. */
async function importSlackThread(job: JobContext<SlackThreadImportInput>): Promise<IntegrationJobResult> {
  const { channel, threadTs, title, actorId } = job.input;
  const messages = await callSlack(job.db, job.config, job.workspaceId, ({ client }) => client.threadReplies(channel, threadTs, (read) => job.progress(read, null)));
  const first = messages[0];
  if (!first) throw new IntegrationError("slack", "not-found", "empty_thread", "That Slack thread has no messages to import.");
  return job.produce(async (trx) => {
    const transcript = await createTranscript(trx, job.workspaceId, actorId, asTranscript(messages, title || `Slack thread from ${dateOf(first.ts)}`), "slack");
    return { noun: "transcript", title: transcript.title, path: `/transcripts/${transcript.id}` };
  });
}

/** What a worker runs for Slack's kind of job; the server hands it to its queue (app/server/background-jobs.ts). */
export const SLACK_JOB_HANDLERS = [
  defineJob<SlackThreadImportInput>(SLACK_THREAD_IMPORT_JOB, async (job) => {
    await importSlackThread(job);
  }),
];

const seconds = (ts: string) => Number(ts);
/** Seconds into the thread, to the millisecond (a ts's microseconds are Slack's tie-breaker, not timing). */
const offset = (ts: string, start: number) => Math.round((seconds(ts) - start) * 1000) / 1000;
const dateOf = (ts: string) => new Date(seconds(ts) * 1000).toISOString().slice(0, 10);

function asTranscript(messages: SlackThreadMessage[], title: string) {
  const start = seconds(messages[0]!.ts);
  const segments: TranscriptSegment[] = messages.map((message, index) => ({
    start: offset(message.ts, start),
    end: offset(messages[index + 1]?.ts ?? message.ts, start),
    speaker: message.user,
    text: message.text,
  }));
  return {
    title,
    kind: "meeting" as const,
    meeting_date: dateOf(messages[0]!.ts),
    attendees: [...new Set(messages.map((message) => message.user))],
    format: "text" as const,
    content: messages.map((message) => `${message.user}: ${message.text}`).join("\n\n"),
    segments,
  };
}
