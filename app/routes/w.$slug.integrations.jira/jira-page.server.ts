import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { Role } from "../../../db/schema";
import { IntegrationError } from "../../../integrations/types";
import type { IntegrationActionResult } from "~/modules/integrations/action-result";
import { getConnection } from "~/modules/integrations/connections.server";
import { chosenSite, chooseJiraSite, listJiraSites } from "~/modules/integrations/jira/jira-access.server";
import { listInitiativesWithoutJiraLink, PROJECT_KEY, pushInitiativeAsEpic, syncJiraStatuses } from "~/modules/integrations/jira/jira-sync.server";
import { AppError, requireId } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";
import { enqueueJob } from "~/services/jobs/jobs.server";

/**
 * The Jira page (/w/:slug/integrations/jira): choose the site (admins), import by JQL as a background
 * job, push an initiative as an epic, and sync statuses now (editors and up).
 */

export async function loadJiraPage(context: AppLoadContext, workspaceId: string, role: Role) {
  const connection = await getConnection(context.db, workspaceId, "jira");
  if (!connection || !context.config.integrations.jira) return { connected: false as const };
  const site = chosenSite(connection);
  let sites: { id: string; name: string; url: string }[] = [];
  let sitesError: string | null = null;
  if (role === "admin" || role === "owner") {
    try {
      sites = (await listJiraSites(context.db, context.config, workspaceId)).map(({ id, name, url }) => ({ id, name, url }));
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      sitesError = error.message;
    }
  }
  const initiatives = await listInitiativesWithoutJiraLink(context.db, workspaceId);
  return { connected: true as const, account: connection.account_name, status: connection.status, lastError: connection.last_error, lastSyncAt: connection.last_sync_at?.toISOString() ?? null, site, sites, sitesError, initiatives };
}

const jiraIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("choose-site"), cloudId: formText }),
  z.object({ intent: z.literal("import"), jql: formText }),
  z.object({ intent: z.literal("push"), initiativeId: formText, projectKey: formText.transform((key) => key.toUpperCase()) }),
  z.object({ intent: z.literal("sync") }),
]);

type Member = { workspaceId: string; userId: string; role: Role };

/** Runs one form of the page; what a person can fix comes back under its field, a refusal as the page's error. */
export async function runJiraIntent(context: AppLoadContext, member: Member, form: FormData): Promise<IntegrationActionResult> {
  let intent = "";
  try {
    const submitted = parseIntent(form, jiraIntents, "Unknown action.");
    intent = submitted.intent;
    return await run(context, member, submitted);
  } catch (error) {
    if (error instanceof AppError || error instanceof IntegrationError) return { intent, error: error.message };
    throw error;
  }
}

async function run(context: AppLoadContext, member: Member, submitted: z.output<typeof jiraIntents>): Promise<IntegrationActionResult> {
  const { intent } = submitted;
  const fieldError = (field: string, message: string, values: Record<string, string> = {}) => ({ intent, fieldErrors: { [field]: message }, values });
  const { workspaceId, userId } = member;
  switch (submitted.intent) {
    case "choose-site": {
      if (member.role !== "admin" && member.role !== "owner") throw new AppError(403, "Forbidden", "Only admins choose the Jira site.");
      if (!submitted.cloudId) return fieldError("cloudId", "Choose a site.");
      const site = await chooseJiraSite(context.db, context.config, workspaceId, submitted.cloudId);
      return { intent, notice: `Bearing uses the Jira site ${site.name} (${site.url}).` };
    }
    case "import": {
      const values = { jql: submitted.jql };
      if (!values.jql) return fieldError("jql", "Write a JQL query, such as project = PAY AND issuetype = Epic.", values);
      if (values.jql.length > 2000) return fieldError("jql", "Keep the query under 2,000 characters.", values);
      const connection = await getConnection(context.db, workspaceId, "jira");
      const job = await enqueueJob(context.db, context.jobs, { workspaceId, kind: "jira.import", connectionId: connection?.id ?? null, input: { jql: values.jql, actorId: userId }, createdBy: userId });
      return { intent, notice: job.created ? "The import has started; its progress shows below." : "An import is already running; its progress shows below.", values };
    }
    case "push": {
      const values = { initiativeId: submitted.initiativeId, projectKey: submitted.projectKey };
      if (!values.initiativeId) return fieldError("initiativeId", "Choose an initiative.", values);
      if (!PROJECT_KEY.test(values.projectKey)) return fieldError("projectKey", "Write the Jira project's key, such as PAY.", values);
      const push = pushInitiativeAsEpic(context.db, context.config, { workspaceId, actorId: userId, initiativeId: requireId(values.initiativeId, "This initiative"), projectKey: values.projectKey });
      // Jira's 400 here names what it refused (an unknown project, no Epic type in it): shown under the key.
      const link = await push.catch((error: unknown) => {
        if (error instanceof IntegrationError && error.code === "http_400") return fieldError("projectKey", error.message, values);
        throw error;
      });
      if ("fieldErrors" in link) return link;
      return { intent, notice: `Created the epic ${link.key} and linked it.`, values: { epicUrl: link.url } };
    }
    case "sync": {
      const { checked, changed } = await syncJiraStatuses(context.db, context.config, workspaceId, userId);
      return { intent, notice: `Checked ${checked} linked issue${checked === 1 ? "" : "s"}; ${changed} changed status in Jira.` };
    }
  }
}
