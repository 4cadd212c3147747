import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseJiraSite, listJiraSites } from "./jira-access.server";
import { importJiraIssues } from "./jira-import.server";
import { pushInitiativeAsEpic, syncJiraStatuses } from "./jira-sync.server";
import { connectJira, startJiraTestEnv, type JiraTestEnv } from "./jira-testing";

let env: JiraTestEnv;
beforeAll(async () => {
  env = await startJiraTestEnv({ sites: [{ name: "acme", projects: { PAY: 120, BIG: 5000 } }] });
  await connectJira(env);
  const [site] = await listJiraSites(env.db, env.config, env.workspaceId);
  await chooseJiraSite(env.db, env.config, env.workspaceId, site!.id);
});
afterAll(() => env?.close());

const imported = (prefix: string) =>
  env.db
    .selectFrom("initiatives as i")
    .innerJoin("initiative_links as l", (join) => join.onRef("l.workspace_id", "=", "i.workspace_id").onRef("l.initiative_id", "=", "i.id"))
    .select(["i.id", "i.title", "i.status", "i.source", "l.external_id", "l.url", "l.status as jira_status"])
    .where("i.workspace_id", "=", env.workspaceId)
    .where("l.provider", "=", "jira")
    .where("l.external_id", "like", `${prefix}-%`)
    .execute();

describe("importing Jira issues as initiatives", () => {
  it("imports 120 issues across pages, each an initiative linked to its issue, with progress and checkpoints", async () => {
    const progress: number[] = [];
    const checkpoints: (string | null)[] = [];
    const result = await importJiraIssues(env.db, env.config, {
      workspaceId: env.workspaceId,
      actorId: env.actorId,
      jql: "project = PAY ORDER BY key",
      pageSize: 50,
      progress: (done) => void progress.push(done),
      checkpoint: (token) => void checkpoints.push(token),
    });
    expect(result).toEqual({ created: 120, alreadyImported: 0, pages: 3 });
    expect(progress).toEqual([50, 100, 120]);
    expect(checkpoints.at(-1)).toBeNull();

    const rows = await imported("PAY");
    expect(rows).toHaveLength(120);
    const first = rows.find((row) => row.external_id === "PAY-1")!;
    expect(first).toMatchObject({ title: "Generated issue 1 of PAY", source: "jira", url: "https://acme.atlassian.net/browse/PAY-1", status: "in_progress", jira_status: "In Progress" });
    expect(rows.find((row) => row.external_id === "PAY-2")?.status).toBe("shipped");
    expect(rows.find((row) => row.external_id === "PAY-3")?.status).toBe("planned");
  });

  it("importing again creates nothing new", async () => {
    const result = await importJiraIssues(env.db, env.config, { workspaceId: env.workspaceId, actorId: env.actorId, jql: "project = PAY", pageSize: 50 });
    expect(result).toEqual({ created: 0, alreadyImported: 120, pages: 3 });
    expect(await imported("PAY")).toHaveLength(120);
  });

  it("imports epics only when the JQL asks for them, and waits out a rate limit", async () => {
    await env.db.deleteFrom("initiatives").where("workspace_id", "=", env.workspaceId).execute();
    env.fake.rateLimitNext(1, 0);
    const result = await importJiraIssues(env.db, env.config, { workspaceId: env.workspaceId, actorId: env.actorId, jql: "project = PAY AND issuetype = Epic" });
    expect(result.created).toBe(24);
    expect((await imported("PAY")).every((row) => Number(row.external_id.split("-")[1]) % 5 === 1)).toBe(true);
  });

  it("reports a JQL error as Jira words it", async () => {
    await expect(importJiraIssues(env.db, env.config, { workspaceId: env.workspaceId, actorId: env.actorId, jql: "summary ~ payments" })).rejects.toMatchObject({
      kind: "provider",
      message: "Jira answered: Error in the JQL Query: the clause 'summary ~ payments' is not understood.",
    });
  });

  it("imports 5,000 issues through the function, resuming from a checkpoint without duplicates", async () => {
    let saved: string | null = null;
    const started = performance.now();
    // Stop after 20 pages (2,000 issues), as a killed job would, then resume from the saved checkpoint.
    let pages = 0;
    await expect(
      importJiraIssues(env.db, env.config, {
        workspaceId: env.workspaceId,
        actorId: env.actorId,
        jql: "project = BIG",
        checkpoint: (token) => {
          saved = token;
          // The access token expires mid-import: refreshed, and the import carries on from this page.
          if (++pages === 10) env.fake.expireAccessTokens();
          if (pages === 20) throw new Error("stopped");
        },
      }),
    ).rejects.toThrow("stopped");
    const resumed = await importJiraIssues(env.db, env.config, { workspaceId: env.workspaceId, actorId: env.actorId, jql: "project = BIG", startToken: saved });
    const seconds = (performance.now() - started) / 1000;
    console.info(`5,000-issue Jira import: ${seconds.toFixed(1)} s`);
    expect(resumed.created).toBe(3000);
    expect(await imported("BIG")).toHaveLength(5000);
  });
});

describe("pushing and syncing", () => {
  it("pushes an initiative as an epic and links it; a second push is refused", async () => {
    const initiative = await env.db
      .insertInto("initiatives")
      .values({ workspace_id: env.workspaceId, title: "Instant payouts", problem: "Merchants wait two days.", created_by: env.actorId, updated_by: env.actorId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const options = { workspaceId: env.workspaceId, actorId: env.actorId, initiativeId: initiative.id, projectKey: "PAY" };
    const link = await pushInitiativeAsEpic(env.db, env.config, options);
    expect(link).toEqual({ key: "PAY-121", url: "https://acme.atlassian.net/browse/PAY-121" });
    const epic = env.fake.project(0, "PAY").byKey("PAY-121");
    expect(epic).toMatchObject({ summary: "Instant payouts", issueType: "Epic", description: "Merchants wait two days." });
    await expect(pushInitiativeAsEpic(env.db, env.config, options)).rejects.toMatchObject({ status: 409 });
    expect(env.fake.project(0, "PAY").count).toBe(121);
  });

  it("moves linked initiatives when their Jira status category changes", async () => {
    const unchanged = await syncJiraStatuses(env.db, env.config, env.workspaceId, null);
    expect(unchanged.changed).toBe(0);
    env.fake.project(0, "PAY").setStatus("PAY-121", "indeterminate");
    env.fake.project(0, "PAY").setStatus("PAY-1", "done");
    const second = await syncJiraStatuses(env.db, env.config, env.workspaceId, null);
    expect(second.changed).toBe(2);
    const rows = await imported("PAY");
    expect(rows.find((row) => row.external_id === "PAY-121")).toMatchObject({ status: "in_progress", jira_status: "In Progress" });
    expect(rows.find((row) => row.external_id === "PAY-1")).toMatchObject({ status: "shipped", jira_status: "Done" });
  });
});

describe("importing an issue longer than the form allows", () => {
  it("keeps the description within the initiative form's limit, so the initiative can be saved again and exported and imported", async () => {
    const issue = env.fake.project(0, "PAY").create({ summary: "Long specification", issueType: "Epic", description: "Spec. ".repeat(5000) });
    const result = await importJiraIssues(env.db, env.config, { workspaceId: env.workspaceId, actorId: env.actorId, jql: `key in (${issue.key})` });
    expect(result.created).toBe(1);
    const row = await env.db.selectFrom("initiatives").select("description").where("workspace_id", "=", env.workspaceId).where("title", "=", "Long specification").executeTakeFirstOrThrow();
    expect(row.description).toHaveLength(20_000);
    expect(row.description.startsWith("Spec. Spec.")).toBe(true);
  });
});
