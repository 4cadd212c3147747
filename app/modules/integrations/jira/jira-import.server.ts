import type { Database } from "../../../../db/database";
import type { InitiativeStatus } from "../../../../db/schema";
import type { JiraIssueSummary, JiraSearchPage, StatusCategory } from "../../../../integrations/jira/jira-client";
import { IntegrationError } from "../../../../integrations/types";
import type { Config } from "../../../services/env.server";
import { LIMITS } from "../../initiatives/schema";
import { withJira, type JiraAccess } from "./jira-access.server";
import { recordActivity } from "../../activity/activity.server";

/**
 * Importing Jira issues (epics, or whatever a JQL query finds) as initiatives, each with a link to its
 * issue. Idempotent on the issue key: an issue already linked from an initiative of the workspace is
 * skipped, so importing twice, or resuming an import from its last checkpoint, creates nothing new.
 * Pages are written one transaction each, under a lock on the workspace's Jira connection row so two
 * imports of the same workspace cannot both create one issue.
 */

/** Jira's status categories (every workflow status belongs to one) as initiative statuses. */
export const STATUS_BY_CATEGORY: Record<StatusCategory, InitiativeStatus> = { new: "planned", indeterminate: "in_progress", done: "shipped" };

export interface JiraImportOptions {
  workspaceId: string;
  actorId: string;
  jql: string;
  /** Where a resumed import starts: the token its last checkpoint saved. */
  startToken?: string | null;
  /** Issues looked at so far; the enhanced search gives no total, so it is null. */
  progress?: (done: number, total: number | null) => void | Promise<void>;
  /** How many issues the run being resumed had looked at: progress counts on from there. */
  doneBefore?: number;
  /** Called after each page is committed, with the token of the next page (null when done) and the progress so far. */
  checkpoint?: (nextPageToken: string | null, done: number) => void | Promise<void>;
  pageSize?: number;
  /** When aborted (a job's time slice ends, the server stops), the import returns after the page it is on. */
  signal?: AbortSignal;
}

export interface JiraImportResult {
  created: number;
  alreadyImported: number;
  pages: number;
}

// How often a rate-limited page is asked again before the import gives up (and can be resumed).
const RATE_LIMIT_ATTEMPTS = 3;

export function importJiraIssues(db: Database, config: Config, options: JiraImportOptions): Promise<JiraImportResult> {
  const result: JiraImportResult = { created: 0, alreadyImported: 0, pages: 0 };
  // Outside the callback: when a token expires mid-import, withJira refreshes and calls it again, which
  // carries on from the last committed page rather than from the start.
  let token = options.startToken ?? null;
  return withJira(db, config, options.workspaceId, async (access) => {
    do {
      const page = await fetchPage(access, options.jql, token, options.pageSize ?? 100);
      const created = await writePage(db, options.workspaceId, options.actorId, access, page.issues);
      result.created += created;
      result.alreadyImported += page.issues.length - created;
      result.pages += 1;
      token = page.nextPageToken;
      const done = (options.doneBefore ?? 0) + result.created + result.alreadyImported;
      await options.checkpoint?.(token, done);
      await options.progress?.(done, null);
      if (options.signal?.aborted) return result;
    } while (token);
    await db.updateTable("integration_connections").set({ last_sync_at: new Date(), last_error: null }).where("workspace_id", "=", options.workspaceId).where("id", "=", access.connectionId).execute();
    return result;
  });
}

async function fetchPage(access: JiraAccess, jql: string, token: string | null, pageSize: number): Promise<JiraSearchPage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await access.client.searchPage(jql, token, pageSize);
    } catch (error) {
      if (!(error instanceof IntegrationError) || error.kind !== "rate-limited" || attempt >= RATE_LIMIT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSeconds ?? 1) * 1000));
    }
  }
}

/** Creates the initiatives and links of the page's issues not yet imported; answers how many it created. */
async function writePage(db: Database, workspaceId: string, actorId: string, access: JiraAccess, issues: JiraIssueSummary[]): Promise<number> {
  if (issues.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom("integration_connections")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", access.connectionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const linked = await trx
      .selectFrom("initiative_links")
      .select("external_id")
      .where("workspace_id", "=", workspaceId)
      .where("provider", "=", "jira")
      .where(
        "external_id",
        "in",
        issues.map((issue) => issue.key),
      )
      .execute();
    const seen = new Set(linked.map((link) => link.external_id));
    const fresh = issues.filter((issue) => !seen.has(issue.key) && seen.add(issue.key));
    if (fresh.length === 0) return 0;
    const created = await trx
      .insertInto("initiatives")
      .values(
        fresh.map((issue) => ({
          workspace_id: workspaceId,
          title: issue.summary.slice(0, 200) || issue.key,
          // Within the form's limit, or the initiative could be neither saved again nor imported from an export.
          description: issue.description.slice(0, LIMITS.description),
          status: issue.statusCategory ? STATUS_BY_CATEGORY[issue.statusCategory] : "idea",
          source: "jira" as const,
          created_by: actorId,
          updated_by: actorId,
        })),
      )
      .returning(["id", "title"])
      .execute();
    // PostgreSQL returns inserted rows in the order of the VALUES list.
    await trx
      .insertInto("initiative_links")
      .values(
        created.map((initiative, index) => ({
          workspace_id: workspaceId,
          initiative_id: initiative.id,
          provider: "jira" as const,
          external_id: fresh[index]!.key,
          url: `${access.site.url}/browse/${fresh[index]!.key}`,
          title: fresh[index]!.summary.slice(0, 200),
          status: fresh[index]!.statusName,
        })),
      )
      .execute();
    await recordActivity(trx, workspaceId, actorId, "created", created.map((initiative) => ({ type: "initiative" as const, ...initiative })));
    return created.length;
  });
}
