import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { IntegrationError } from "../../../integrations/types";
import type { IntegrationActionResult } from "~/modules/integrations/action-result";
import { disconnect } from "~/modules/integrations/connections.server";
import { requireConfiguredProvider } from "~/modules/integrations/providers.server";
import { chooseSlackChannel, postMeetingSummary, postRiskAlert, postRoadmapUpdate, type SlackWorkspace } from "~/modules/integrations/slack.server";
import { parseSlackThreadLink, queueSlackThreadImport } from "~/modules/integrations/slack-thread-import.server";
import { AppError, requireId } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";

const integrationsIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disconnect"), provider: formText }),
  z.object({ intent: z.literal("choose-channel"), channelId: formText }),
  z.object({ intent: z.literal("post-roadmap") }),
  z.object({ intent: z.literal("post-risk"), riskId: formText }),
  z.object({ intent: z.literal("post-meeting"), transcriptId: formText }),
  z.object({ intent: z.literal("import-thread"), link: formText, title: formText }),
]);

/**
 * Runs one form of the settings page. Problems a person can fix in a field come back under that
 * field; Slack's refusals (ok:false, 429) and an unknown form come back as the page's error, in words.
 */
export async function runIntegrationsIntent(context: AppLoadContext, slack: SlackWorkspace, form: FormData): Promise<IntegrationActionResult> {
  let intent = "";
  try {
    const submitted = parseIntent(form, integrationsIntents, "Unknown action.");
    intent = submitted.intent;
    return await run(context, slack, submitted);
  } catch (error) {
    if (error instanceof AppError || error instanceof IntegrationError) return { intent, error: error.message };
    throw error;
  }
}

async function run(context: AppLoadContext, slack: SlackWorkspace, submitted: z.output<typeof integrationsIntents>): Promise<IntegrationActionResult> {
  const { intent } = submitted;
  const fieldError = (field: string, message: string, values: Record<string, string> = {}) => ({ intent, fieldErrors: { [field]: message }, values });
  switch (submitted.intent) {
    case "disconnect": {
      const provider = requireConfiguredProvider(context.config, submitted.provider);
      await disconnect(context.db, context.config, slack.workspace.id, provider);
      return { intent, notice: `${provider.name} is disconnected: its token was revoked at ${provider.name} and deleted here.` };
    }
    case "choose-channel": {
      if (!submitted.channelId) return fieldError("channelId", "Choose a channel.");
      const channel = await chooseSlackChannel(slack, submitted.channelId);
      return { intent, notice: `Bearing will post to #${channel.name}.` };
    }
    case "post-roadmap": {
      const channel = await postRoadmapUpdate(slack);
      return { intent, notice: `Roadmap update posted to #${channel}.` };
    }
    case "post-risk": {
      if (!submitted.riskId) return fieldError("riskId", "Choose a risk.");
      const channel = await postRiskAlert(slack, requireId(submitted.riskId, "This risk"));
      return { intent, notice: `Risk alert posted to #${channel}.` };
    }
    case "post-meeting": {
      if (!submitted.transcriptId) return fieldError("transcriptId", "Choose a meeting.");
      const channel = await postMeetingSummary(slack, requireId(submitted.transcriptId, "This meeting"));
      return { intent, notice: `Meeting summary posted to #${channel}.` };
    }
    case "import-thread": {
      const values = { link: submitted.link, title: submitted.title };
      if (!values.link) return fieldError("link", "Paste the link to the thread's first message.", values);
      if (values.title.length > 200) return fieldError("title", "Keep the title under 200 characters.", values);
      const thread = parseSlackThreadLink(values.link);
      if (!thread) return fieldError("link", "Paste a Slack message link, like https://team.slack.com/archives/C0123/p1700000000000100.", values);
      const job = await queueSlackThreadImport(slack, context.jobs, thread, values.title);
      return { intent, notice: job.created ? "Importing the thread as a transcript; its progress shows below." : "That thread is already being imported; its progress shows below." };
    }
  }
}
