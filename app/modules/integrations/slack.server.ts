import type { Database } from "../../../db/database";
import { meetingSummaryMessage, riskAlertMessage, roadmapUpdateMessage, type SlackMessage } from "../../../integrations/slack/messages";
import { slackWebClient } from "../../../integrations/slack/web-client";
import { IntegrationError } from "../../../integrations/types";
import type { Config } from "../../services/env.server";
import { AppError } from "../../services/errors.server";
import { listLanes } from "../roadmap/bounded.server";
import { LANE_LABELS, LANES } from "../roadmap/schema";
import { requireRisk } from "../risks/risks.server";
import { requireTranscript } from "../transcripts/transcripts.server";
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

async function slackConnection(db: Database, config: Config, workspaceId: string) {
  if (!config.integrations.slack) throw new AppError(404, "Not available", "Slack is not configured on this Bearing server.");
  const connection = await requireConnection(db, workspaceId, "slack");
  const token = await accessToken(db, config, connection, workspaceId);
  return { connection, client: slackWebClient(token, config.integrations.slack.baseUrl) };
}

type SlackAccess = Awaited<ReturnType<typeof slackConnection>>;

/**
 * Runs Slack calls and records the outcome on the connection (a sync clears the last error; merely
 * listing channels for the page does not count as one). Slack's refusals stay IntegrationErrors, so a
 * job can tell one worth retrying (a 429) from one that is final (a thread that does not exist), and
 * the settings page shows their message in its own words.
 */
export async function callSlack<T>(db: Database, config: Config, workspaceId: string, work: (slack: SlackAccess) => Promise<T>, { sync = true } = {}): Promise<T> {
  const slack = await slackConnection(db, config, workspaceId);
  try {
    const result = await work(slack);
    if (sync) await recordOutcome(db, workspaceId, slack.connection.id, null);
    return result;
  } catch (error) {
    if (error instanceof IntegrationError) await recordOutcome(db, workspaceId, slack.connection.id, error);
    throw error;
  }
}

export const slackSettings = (connection: Pick<Connection, "settings">) => connection.settings as SlackSettings;

export function listSlackChannels(context: SlackWorkspace) {
  return callSlack(context.db, context.config, context.workspace.id, ({ client }) => client.listChannels(), { sync: false });
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
  return callSlack(context.db, context.config, context.workspace.id, async ({ connection, client }) => {
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
