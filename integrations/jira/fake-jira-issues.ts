/**
 * The issues behind the fake Jira (fake-server.ts), shaped as Jira Cloud REST v3 returns them
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get).
 * Generated issues are computed from their number on demand, so a site of 5,000 costs nothing until read;
 * only created issues and changed statuses are stored.
 */

export type StatusCategoryKey = "new" | "indeterminate" | "done";

export interface FakeJiraIssue {
  id: string;
  key: string;
  summary: string;
  issueType: "Epic" | "Story";
  statusCategory: StatusCategoryKey;
  description: string;
}

const STATUS_NAMES: Record<StatusCategoryKey, { id: number; name: string; categoryId: number; categoryName: string; color: string }> = {
  new: { id: 10000, name: "To Do", categoryId: 2, categoryName: "To Do", color: "blue-gray" },
  indeterminate: { id: 3, name: "In Progress", categoryId: 4, categoryName: "In Progress", color: "yellow" },
  done: { id: 10001, name: "Done", categoryId: 3, categoryName: "Done", color: "green" },
};

const CYCLE: StatusCategoryKey[] = ["new", "indeterminate", "done"];

export class FakeJiraProject {
  private readonly created: FakeJiraIssue[] = [];
  private readonly statuses = new Map<string, StatusCategoryKey>();

  constructor(
    readonly key: string,
    /** How many issues exist before any is created: PROJ-1 … PROJ-n, every fifth an Epic. */
    private readonly generatedCount: number,
  ) {}

  get count(): number {
    return this.generatedCount + this.created.length;
  }

  /** The issue at position `index` (0-based, oldest first). */
  at(index: number): FakeJiraIssue | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const issue = index < this.generatedCount ? this.generated(index + 1) : this.created[index - this.generatedCount]!;
    const status = this.statuses.get(issue.key);
    return status ? { ...issue, statusCategory: status } : issue;
  }

  byKey(key: string): FakeJiraIssue | undefined {
    const match = key.match(/^([A-Z][A-Z0-9_]*)-(\d+)$/);
    if (!match || match[1] !== this.key) return undefined;
    return this.at(Number(match[2]) - 1);
  }

  create(fields: { summary: string; issueType: "Epic" | "Story"; description: string }): FakeJiraIssue {
    const number = this.count + 1;
    const issue: FakeJiraIssue = { id: String(10000 + number), key: `${this.key}-${number}`, statusCategory: "new", ...fields };
    this.created.push(issue);
    return issue;
  }

  setStatus(key: string, category: StatusCategoryKey): void {
    if (!this.byKey(key)) throw new Error(`No issue ${key} in the fake project ${this.key}`);
    this.statuses.set(key, category);
  }

  private generated(number: number): FakeJiraIssue {
    return {
      id: String(10000 + number),
      key: `${this.key}-${number}`,
      summary: `Generated issue ${number} of ${this.key}`,
      issueType: number % 5 === 1 ? "Epic" : "Story",
      statusCategory: CYCLE[number % 3]!,
      description: `Description of ${this.key}-${number}.`,
    };
  }
}

/** An issue as /rest/api/3/issue and /rest/api/3/search/jql return it, descriptions in Atlassian Document Format. */
export function issueJson(issue: FakeJiraIssue, apiBase: string) {
  const status = STATUS_NAMES[issue.statusCategory];
  return {
    expand: "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
    id: issue.id,
    self: `${apiBase}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: {
      summary: issue.summary,
      issuetype: { id: issue.issueType === "Epic" ? "10000" : "10001", name: issue.issueType, subtask: false, hierarchyLevel: issue.issueType === "Epic" ? 1 : 0 },
      status: {
        self: `${apiBase}/rest/api/3/status/${status.id}`,
        id: String(status.id),
        name: status.name,
        statusCategory: { self: `${apiBase}/rest/api/3/statuscategory/${status.categoryId}`, id: status.categoryId, key: issue.statusCategory, colorName: status.color, name: status.categoryName },
      },
      description: { type: "doc", version: 1, content: [{ type: "paragraph", content: [{ type: "text", text: issue.description }] }] },
    },
  };
}

/** The available transitions of an issue (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get). */
export function transitionsJson(issue: FakeJiraIssue) {
  return {
    transitions: CYCLE.filter((category) => category !== issue.statusCategory).map((category) => ({
      id: String(STATUS_NAMES[category].id),
      name: STATUS_NAMES[category].name,
      to: { id: String(STATUS_NAMES[category].id), name: STATUS_NAMES[category].name, statusCategory: { key: category, name: STATUS_NAMES[category].categoryName } },
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isConditional: false,
    })),
  };
}

export interface JqlQuery {
  project: string | null;
  issueType: string | null;
  keys: string[] | null;
}

/**
 * The subset of JQL (https://support.atlassian.com/jira-software-cloud/docs/use-advanced-search-with-jira-query-language-jql/)
 * the fake understands: `project = KEY`, `issuetype = Epic`, `key in (A-1, A-2)`, joined by AND, with an
 * ignored ORDER BY. Anything else is a JQL error, as Jira reports one.
 */
export function parseJql(jql: string): JqlQuery | { error: string } {
  const query: JqlQuery = { project: null, issueType: null, keys: null };
  const where = jql.replace(/\s+order\s+by\s+.*$/i, "").trim();
  if (!where) return query;
  for (const clause of where.split(/\s+and\s+/i)) {
    const equals = clause.match(/^\s*(project|issuetype|type)\s*=\s*"?([\w -]+?)"?\s*$/i);
    const keys = clause.match(/^\s*(key|issuekey)\s+in\s*\(([^)]*)\)\s*$/i);
    if (equals && equals[1]!.toLowerCase() === "project") query.project = equals[2]!.toUpperCase();
    else if (equals) query.issueType = equals[2]!;
    else if (keys) query.keys = keys[2]!.split(",").map((key) => key.trim().replace(/^"|"$/g, "")).filter(Boolean);
    else return { error: `Error in the JQL Query: the clause '${clause.trim()}' is not understood.` };
  }
  return query;
}
