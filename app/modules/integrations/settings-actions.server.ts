import type { AppLoadContext } from "@remix-run/node";
import { IntegrationError } from "../../../integrations/types";
import { AppError, requireId } from "../../services/errors.server";
import { disconnect } from "./connections.server";
import { requireConfiguredProvider } from "./providers.server";
import { chooseSlackChannel, postMeetingSummary, postRiskAlert, postRoadmapUpdate, type SlackWorkspace } from "./slack.server";
import { parseSlackThreadLink, queueSlackThreadImport } from "./slack-thread-import.server";

/** What a form on Settings → Integrations gets back: a notice, a page-level error, or errors under its fields. */
export interface IntegrationsActionResult {
  intent: string;
  notice?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/**
 * Runs one intent of the settings page. Problems a person can fix in a field come back under that
 * field; Slack's refusals (ok:false, 429) come back as the page's error, in words.
 */
export async function runIntegrationsIntent(context: AppLoadContext, slack: SlackWorkspace, form: FormData): Promise<IntegrationsActionResult> {
  const intent = text(form, "intent");
  const fieldError = (field: string, message: string, values: Record<string, string> = {}) => ({ intent, fieldErrors: { [field]: message }, values });
  try {
    switch (intent) {
      case "disconnect": {
        const provider = requireConfiguredProvider(context.config, text(form, "provider"));
        await disconnect(context.db, context.config, slack.workspace.id, provider);
        return { intent, notice: `${provider.name} is disconnected: its token was revoked at ${provider.name} and deleted here.` };
      }
      case "choose-channel": {
        const channelId = text(form, "channelId");
        if (!channelId) return fieldError("channelId", "Choose a channel.");
        const channel = await chooseSlackChannel(slack, channelId);
        return { intent, notice: `Bearing will post to #${channel.name}.` };
      }
      case "post-roadmap": {
        const channel = await postRoadmapUpdate(slack);
        return { intent, notice: `Roadmap update posted to #${channel}.` };
      }
      case "post-risk": {
        const riskId = text(form, "riskId");
        if (!riskId) return fieldError("riskId", "Choose a risk.");
        const channel = await postRiskAlert(slack, requireId(riskId, "This risk"));
        return { intent, notice: `Risk alert posted to #${channel}.` };
      }
      case "post-meeting": {
        const transcriptId = text(form, "transcriptId");
        if (!transcriptId) return fieldError("transcriptId", "Choose a meeting.");
        const channel = await postMeetingSummary(slack, requireId(transcriptId, "This meeting"));
        return { intent, notice: `Meeting summary posted to #${channel}.` };
      }
      case "import-thread": {
        const values = { link: text(form, "link"), title: text(form, "title") };
        if (!values.link) return fieldError("link", "Paste the link to the thread's first message.", values);
        if (values.title.length > 200) return fieldError("title", "Keep the title under 200 characters.", values);
        const thread = parseSlackThreadLink(values.link);
        if (!thread) return fieldError("link", "Paste a Slack message link, like https://team.slack.com/archives/C0123/p1700000000000100.", values);
        const job = await queueSlackThreadImport(slack, context.jobs, thread, values.title);
        return { intent, notice: job.created ? "Importing the thread as a transcript; its progress shows below." : "That thread is already being imported; its progress shows below." };
      }
      default:
        return { intent, error: "Unknown action." };
    }
  } catch (error) {
    if (error instanceof AppError || error instanceof IntegrationError) return { intent, error: error.message };
    throw error;
  }
}
