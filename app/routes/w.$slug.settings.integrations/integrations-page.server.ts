import type { AppLoadContext } from "@remix-run/node";
import { IntegrationError } from "../../../integrations/types";
import { getConnection, listConnections } from "~/modules/integrations/connections.server";
import { configuredProvider, PROVIDERS } from "~/modules/integrations/providers.server";
import { listSlackChannels, slackSettings, type SlackWorkspace } from "~/modules/integrations/slack.server";
import { topRisks } from "~/modules/risks/risks.server";
import { listTranscripts } from "~/modules/transcripts/transcripts.server";
import { AppError } from "~/services/errors.server";

/**
 * Everything Settings → Integrations shows: each provider with whether this server offers it, the
 * scopes it asks for, and its connection (account, scopes granted, last sync, last error); for a
 * connected Slack, its channels and what can be posted.
 */
export async function loadIntegrationsPage(context: AppLoadContext, slack: SlackWorkspace) {
  // Slack first: a token Slack now rejects marks the connection, and the cards below should say so.
  const slackConnection = await getConnection(context.db, slack.workspace.id, "slack");
  const slackPanel = slackConnection && context.config.integrations.slack ? await slackFeatures(context, slack, slackSettings(slackConnection)) : null;
  const connections = await listConnections(context.db, slack.workspace.id);
  const providers = PROVIDERS.map((entry) => {
    const provider = configuredProvider(context.config, entry.id);
    const connection = connections.find((c) => c.provider === entry.id) ?? null;
    return { ...entry, available: Boolean(provider), scopes: provider?.scopes ?? [], connection };
  });
  return { providers, slack: slackPanel };
}

async function slackFeatures(context: AppLoadContext, slack: SlackWorkspace, settings: ReturnType<typeof slackSettings>) {
  const [risks, transcripts] = await Promise.all([topRisks(context.db, slack.workspace.id, 50), listTranscripts(context.db, slack.workspace.id)]);
  let channels: { id: string; name: string }[] = [];
  let channelsError: string | null = null;
  try {
    channels = await listSlackChannels(slack);
  } catch (error) {
    if (!(error instanceof AppError || error instanceof IntegrationError)) throw error;
    channelsError = error.message;
  }
  return {
    chosenChannel: settings.channelId ? { id: settings.channelId, name: settings.channelName ?? settings.channelId } : null,
    channels,
    channelsError,
    risks: risks.map((risk) => ({ id: risk.id, title: risk.title, severity: risk.severity })),
    transcripts: transcripts.map((transcript) => ({ id: transcript.id, title: transcript.title })),
  };
}

export type IntegrationsPage = Awaited<ReturnType<typeof loadIntegrationsPage>>;
