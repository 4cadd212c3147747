import type { AppLoadContext } from "@remix-run/node";
import type { Role } from "../../../../db/schema";
import { IntegrationError } from "../../../../integrations/types";
import { AppError, requireId } from "../../../services/errors.server";
import { enqueueJob } from "../../../services/jobs/jobs.server";
import { getConnection } from "../connections.server";
import { chosenSite, chooseJiraSite, listJiraSites } from "./jira-access.server";
import { PROJECT_KEY, pushInitiativeAsEpic, syncJiraStatuses } from "./jira-sync.server";

/**
 * The Jira page (/w/:slug/integrations/jira): choose the site (admins), import by JQL as a background
 * job, push an initiative as an epic, and sync statuses now (editors and up).
 */

export interface JiraActionResult {
  intent: string;
  notice?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

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
  const initiatives = await context.db
    .selectFrom("initiatives")
    .select(["id", "title"])
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("initiative_links as l").select("l.id").whereRef("l.workspace_id", "=", "initiatives.workspace_id").whereRef("l.initiative_id", "=", "initiatives.id").where("l.provider", "=", "jira"))))
    .orderBy("title")
    .limit(500)
    .execute();
  return { connected: true as const, account: connection.account_name, status: connection.status, lastError: connection.last_error, lastSyncAt: connection.last_sync_at?.toISOString() ?? null, site, sites, sitesError, initiatives };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export async function runJiraIntent(context: AppLoadContext, member: { workspaceId: string; userId: string; role: Role }, form: FormData): Promise<JiraActionResult> {
  const intent = text(form, "intent");
  const fieldError = (field: string, message: string, values: Record<string, string> = {}) => ({ intent, fieldErrors: { [field]: message }, values });
  const { workspaceId, userId } = member;
  try {
    switch (intent) {
      case "choose-site": {
        if (member.role !== "admin" && member.role !== "owner") throw new AppError(403, "Forbidden", "Only admins choose the Jira site.");
        const cloudId = text(form, "cloudId");
        if (!cloudId) return fieldError("cloudId", "Choose a site.");
        const site = await chooseJiraSite(context.db, context.config, workspaceId, cloudId);
        return { intent, notice: `Bearing uses the Jira site ${site.name} (${site.url}).` };
      }
      case "import": {
        const values = { jql: text(form, "jql") };
        if (!values.jql) return fieldError("jql", "Write a JQL query, such as project = PAY AND issuetype = Epic.", values);
        if (values.jql.length > 2000) return fieldError("jql", "Keep the query under 2,000 characters.", values);
        const connection = await getConnection(context.db, workspaceId, "jira");
        const job = await enqueueJob(context.db, context.jobs, { workspaceId, kind: "jira.import", connectionId: connection?.id ?? null, input: { jql: values.jql, actorId: userId }, createdBy: userId });
        return { intent, notice: job.created ? "The import has started; its progress shows below." : "An import is already running; its progress shows below.", values };
      }
      case "push": {
        const values = { initiativeId: text(form, "initiativeId"), projectKey: text(form, "projectKey").toUpperCase() };
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
      default:
        return { intent, error: "Unknown action." };
    }
  } catch (error) {
    if (error instanceof AppError || error instanceof IntegrationError) return { intent, error: error.message };
    throw error;
  }
}
