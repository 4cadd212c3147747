import { Version3Client } from "jira.js";
import { fromJiraError } from "./errors";

/**
 * One Jira Cloud site, reached through Atlassian's API gateway: jira.js's `host` is
 * `${apiUrl}/ex/jira/${cloudId}` and it is given only the access token, so it never refreshes or looks up
 * sites by itself (that would call api.atlassian.com directly) — token refresh with rotation is the app's job.
 */

export type StatusCategory = "new" | "indeterminate" | "done";

export interface JiraIssueSummary {
  id: string;
  key: string;
  summary: string;
  issueType: string;
  /** Jira's status category (To Do / In Progress / Done), which every workflow's statuses belong to. */
  statusCategory: StatusCategory | null;
  statusName: string;
  description: string;
}

export interface JiraSearchPage {
  issues: JiraIssueSummary[];
  /** Null on the last page. */
  nextPageToken: string | null;
}

const FIELDS = ["summary", "issuetype", "status", "description"];

export function jiraSiteClient(options: { apiUrl: string; cloudId: string; accessToken: string }) {
  const client = new Version3Client({
    host: `${options.apiUrl.replace(/\/+$/, "")}/ex/jira/${options.cloudId}`,
    authentication: { oauth2: { accessToken: options.accessToken } },
  });

  return {
    /** One page of the enhanced JQL search (GET /rest/api/3/search/jql; the classic /search is being removed). */
    async searchPage(jql: string, nextPageToken: string | null, maxResults = 100): Promise<JiraSearchPage> {
      try {
        const page = await client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, nextPageToken: nextPageToken ?? undefined, maxResults, fields: FIELDS });
        return { issues: (page.issues ?? []).map(summaryOf), nextPageToken: page.nextPageToken ?? null };
      } catch (error) {
        throw fromJiraError(error);
      }
    },

    async createEpic(fields: { projectKey: string; summary: string; description: string }): Promise<{ id: string; key: string }> {
      try {
        const created = await client.issues.createIssue({
          fields: { project: { key: fields.projectKey }, summary: fields.summary, issuetype: { name: "Epic" }, description: fields.description as never },
        });
        return { id: created.id, key: created.key };
      } catch (error) {
        throw fromJiraError(error);
      }
    },

    /** The status (name and category) of each issue that still exists, by key, paging through `key in (...)`. */
    async statuses(keys: string[]): Promise<Map<string, { name: string; category: StatusCategory | null }>> {
      const found = new Map<string, { name: string; category: StatusCategory | null }>();
      // Keep each JQL short: Jira limits the query length, so ask in chunks.
      for (let start = 0; start < keys.length; start += 100) {
        const jql = `key in (${keys.slice(start, start + 100).join(", ")})`;
        let token: string | null = null;
        do {
          const page: JiraSearchPage = await this.searchPage(jql, token);
          for (const issue of page.issues) found.set(issue.key, { name: issue.statusName, category: issue.statusCategory });
          token = page.nextPageToken;
        } while (token);
      }
      return found;
    },
  };
}

export type JiraSiteClient = ReturnType<typeof jiraSiteClient>;

interface RawIssue {
  id?: string;
  key?: string;
  fields?: {
    summary?: string;
    issuetype?: { name?: string };
    status?: { name?: string; statusCategory?: { key?: string } };
    description?: unknown;
  };
}

function summaryOf(raw: RawIssue): JiraIssueSummary {
  const category = raw.fields?.status?.statusCategory?.key;
  return {
    id: raw.id ?? "",
    key: raw.key ?? "",
    summary: raw.fields?.summary ?? "",
    issueType: raw.fields?.issuetype?.name ?? "",
    statusCategory: category === "new" || category === "indeterminate" || category === "done" ? category : null,
    statusName: raw.fields?.status?.name ?? "",
    description: plainText(raw.fields?.description).trim(),
  };
}

/** The text of an Atlassian Document Format node (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/). */
function plainText(node: unknown): string {
  if (typeof node === "string") return node;
  if (!node || typeof node !== "object") return "";
  const { text, content, type } = node as { text?: string; content?: unknown[]; type?: string };
  const inner = text ?? (content ?? []).map(plainText).join("");
  return type === "paragraph" || type === "heading" ? `${inner}\n` : inner;
}
