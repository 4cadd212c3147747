import type { Database } from "../../../db/database";
import type { TranscriptSegment } from "../../../db/schema";
import { meetingSummaryMessage, riskAlertMessage, roadmapUpdateMessage, type SlackMessage } from "../../../integrations/slack/messages";
import { slackWebClient, type SlackThreadMessage } from "../../../integrations/slack/web-client";
import { IntegrationError } from "../../../integrations/types";
import type { Config } from "../../services/env.server";
import { AppError } from "../../services/errors.server";
import { listLanes } from "../roadmap/bounded.server";
import { LANE_LABELS, LANES } from "../roadmap/schema";
import { requireRisk } from "../risks/risks.server";
import { createTranscript, requireTranscript } from "../transcripts/transcripts.server";
import { accessToken, recordOutcome, requireConnection, updateConnectionSettings, type Connection } from "./connections.server";

/** What the settings page keeps for Slack in the connection's `settings`. */
export interface SlackSettings {
  channelId?: string;
  channelName?: string;
}

export interface SlackWorkspace {
  db: Database;
  config: Config;
  workspace: { id: string; slug: string; name: string };
  actorId: string;
}

async function slackConnection({ db, config, workspace }: SlackWorkspace) {
  if (!config.integrations.slack) throw new AppError(404, "Not available", "Slack is not configured on this Bearing server.");
  const connection = await requireConnection(db, workspace.id, "slack");
  const token = await accessToken(db, config, connection, workspace.id);
  return { connection, client: slackWebClient(token, config.integrations.slack.baseUrl) };
}

/**
 * Runs Slack calls, records the outcome on the connection (a sync clears the last error; merely
 * listing channels for the page does not count as one), and turns Slack's errors into AppErrors pages show.
 */
async function withSlack<T>(context: SlackWorkspace, work: (slack: Awaited<ReturnType<typeof slackConnection>>) => Promise<T>, { sync = true } = {}): Promise<T> {
  const slack = await slackConnection(context);
  try {
    const result = await work(slack);
    if (sync) await recordOutcome(context.db, context.workspace.id, slack.connection.id, null);
    return result;
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    await recordOutcome(context.db, context.workspace.id, slack.connection.id, error);
    throw new AppError(error.kind === "rate-limited" ? 429 : 502, "Slack said no", error.message, { cause: error });
  }
}

export const slackSettings = (connection: Pick<Connection, "settings">) => connection.settings as SlackSettings;

export function listSlackChannels(context: SlackWorkspace) {
  return withSlack(context, ({ client }) => client.listChannels(), { sync: false });
}

export async function chooseSlackChannel(context: SlackWorkspace, channelId: string) {
  const channels = await listSlackChannels(context);
  const channel = channels.find((c) => c.id === channelId);
  if (!channel) throw new AppError(400, "Unknown channel", "Slack does not list that channel. Choose one from the list.");
  const connection = await requireConnection(context.db, context.workspace.id, "slack");
  await updateConnectionSettings(context.db, context.workspace.id, connection.id, { ...slackSettings(connection), channelId: channel.id, channelName: channel.name });
  return channel;
}

async function postToChosenChannel(context: SlackWorkspace, message: SlackMessage) {
  return withSlack(context, async ({ connection, client }) => {
    const { channelId, channelName } = slackSettings(connection);
    if (!channelId) throw new AppError(409, "No channel chosen", "Choose the Slack channel to post to first.");
    await client.postMessage(channelId, message);
    return channelName ?? channelId;
  });
}

const link = (context: SlackWorkspace, path: string) => new URL(`/w/${context.workspace.slug}${path}`, context.config.appUrl).href;

export async function postRoadmapUpdate(context: SlackWorkspace) {
  const { items } = await listLanes(context.db, context.workspace.id, { now: 10, next: 10, later: 10 });
  const lanes = LANES.map((lane) => ({ name: LANE_LABELS[lane], items: items.filter((item) => item.lane === lane).map((item) => item.title) }));
  return postToChosenChannel(context, roadmapUpdateMessage({ workspaceName: context.workspace.name, lanes, url: link(context, "/roadmap") }));
}

export async function postRiskAlert(context: SlackWorkspace, riskId: string) {
  const risk = await requireRisk(context.db, context.workspace.id, riskId);
  return postToChosenChannel(
    context,
    riskAlertMessage({ ...risk, owner: risk.owner_name ?? null, url: link(context, `/risks/${risk.id}`) }),
  );
}

export async function postMeetingSummary(context: SlackWorkspace, transcriptId: string) {
  const transcript = await requireTranscript(context.db, context.workspace.id, transcriptId);
  return postToChosenChannel(
    context,
    meetingSummaryMessage({
      title: transcript.title,
      meetingDate: transcript.meeting_date,
      summary: transcript.summary,
      decisions: transcript.decisions,
      actionItems: transcript.action_items.map((item) => (item.owner ? `${item.text} (${item.owner})` : item.text)),
      url: link(context, `/transcripts/${transcript.id}`),
    }),
  );
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

export async function importSlackThread(context: SlackWorkspace, input: { link: string; title: string }) {
  const thread = parseSlackThreadLink(input.link);
  if (!thread) throw new AppError(400, "Not a thread link", "Paste a Slack message link, like https://team.slack.com/archives/C0123/p1700000000000100.");
  const messages = await withSlack(context, ({ client }) => client.threadReplies(thread.channel, thread.threadTs));
  const first = messages[0];
  if (!first) throw new AppError(404, "Empty thread", "That Slack thread has no messages to import.");
  return createTranscript(context.db, context.workspace.id, context.actorId, asTranscript(messages, input.title || `Slack thread from ${dateOf(first.ts)}`), "slack");
}

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
