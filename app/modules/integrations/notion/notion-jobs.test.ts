import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, findJob, type JobView } from "../../../services/jobs/jobs.server";
import { startJobQueue, type JobQueue } from "../../../services/jobs/queue.server";
import { createLogger } from "../../../services/logger.server";
import { createRoadmapItem } from "../../roadmap/roadmap.server";
import { requireTranscript } from "../../transcripts/transcripts.server";
import { getConnection } from "../connections.server";
import { NOTION_EXPORT_JOB, NOTION_JOB_HANDLERS, NOTION_PAGE_IMPORT_JOB } from "./notion-jobs.server";
import type { NotionPageImportInput } from "./notion-pages.server";
import { connectNotion, startNotionTestEnv, type NotionTestEnv } from "./notion-testing";

let env: NotionTestEnv;
let connectionId: string;
let queue: JobQueue;

beforeAll(async () => {
  env = await startNotionTestEnv();
  connectionId = await connectNotion(env);
  for (const [title, lane] of [["Annual plans", "now"], ["Usage billing", "next"], ["SSO", "later"]] as const) {
    await createRoadmapItem(env.db, env.workspaceId, env.actorId, { title, description: "", lane, initiative_id: null, start_quarter: null, end_quarter: null } as never);
  }
  const logger = createLogger("error", { write: () => undefined });
  queue = await startJobQueue({ databaseUrl: env.database.url, db: env.db, logger, config: env.config, handlers: NOTION_JOB_HANDLERS, policy: { retryDelay: 1 }, pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
});
afterAll(async () => {
  await queue?.stop();
  await env?.close();
});

async function finished(id: string): Promise<JobView> {
  for (;;) {
    const job = (await findJob(env.db, env.workspaceId, id))!;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function importPage(pageId: string, kind: NotionPageImportInput["kind"] = "meeting") {
  const input: NotionPageImportInput = { pageId, kind, actorId: env.actorId };
  return enqueueJob(env.db, queue, { workspaceId: env.workspaceId, kind: NOTION_PAGE_IMPORT_JOB, connectionId, subject: pageId, input, createdBy: env.actorId });
}

const rich = (plain_text: string, annotations: Record<string, boolean> = {}, href: string | null = null) => ({ plain_text, annotations, href });

describe("importing a Notion page as a background job", () => {
  it("makes a Markdown transcript of a page with nested blocks, counts the blocks as progress, and links the transcript", async () => {
    const many = Array.from({ length: 120 }, (_, n) => ({ type: "paragraph", text: `Line ${n + 1}` }));
    const page = env.fake.store.addPage("Pricing review", [
      { type: "heading_1", text: "Decisions" },
      { type: "paragraph", richText: [rich("Ship "), rich("annual plans", { bold: true }), rich(" — see "), rich("the memo", {}, "https://example.com/memo")] },
      { type: "bulleted_list_item", text: "Keep the free tier", children: [{ type: "bulleted_list_item", text: "up to 3 seats", children: [{ type: "to_do", text: "check churn", checked: true }] }] },
      { type: "numbered_list_item", text: "Draft" },
      { type: "numbered_list_item", richText: [rich("Review with "), rich("finance", { italic: true })] },
      { type: "quote", text: "Price is a feature" },
      { type: "code", text: "plan = annual", language: "python" },
      { type: "divider" },
      { type: "heading_3", richText: [rich("Notes on "), rich("SKU-1", { code: true })], children: many },
    ]);
    const job = await finished((await importPage(page.id)).id);
    // 9 top-level blocks, 2 nested under the list item, 120 under the heading.
    expect(job).toMatchObject({ status: "succeeded", done: 131, total: null, result: { noun: "transcript", title: "Pricing review", path: expect.stringMatching(/^\/transcripts\//) } });

    const stored = await requireTranscript(env.db, env.workspaceId, job.result!.path.split("/").pop()!);
    expect(stored).toMatchObject({ title: "Pricing review", source: "notion", format: "markdown", kind: "meeting" });
    expect(stored.content).toContain(
      [
        "# Decisions",
        "",
        "Ship **annual plans** — see [the memo](https://example.com/memo)",
        "",
        "- Keep the free tier",
        "  - up to 3 seats",
        "    - [x] check churn",
        "1. Draft",
        "2. Review with *finance*",
        "",
        "> Price is a feature",
        "",
        "```python\nplan = annual\n```",
        "",
        "---",
        "",
        "### Notes on `SKU-1`",
      ].join("\n"),
    );
    expect(stored.content).toContain("Line 120");
  });

  it("imports two pages side by side, but the same page only once while it is queued", async () => {
    const first = env.fake.store.addPage("Standup 3 March", [{ type: "paragraph", text: "Billing API is late" }]);
    const second = env.fake.store.addPage("Checkout spec", [{ type: "paragraph", text: "Cards first, then wallets." }]);
    const [a, again, b] = [await importPage(first.id), await importPage(first.id, "note"), await importPage(second.id, "note")];
    expect(again).toEqual({ id: a.id, created: false });
    expect(b.created).toBe(true);
    const [doneA, doneB] = await Promise.all([finished(a.id), finished(b.id)]);
    expect(doneA.result).toMatchObject({ noun: "transcript", title: "Standup 3 March" });
    expect(doneB.result).toMatchObject({ noun: "note", title: "Checkout spec" });
    const note = await requireTranscript(env.db, env.workspaceId, doneB.result!.path.split("/").pop()!);
    expect(note).toMatchObject({ title: "Checkout spec", kind: "note", meeting_date: null, content: "Cards first, then wallets." });
    const copies = await env.db.selectFrom("transcripts").select("id").where("workspace_id", "=", env.workspaceId).where("title", "=", "Standup 3 March").execute();
    expect(copies).toHaveLength(1);
  });

  it("fails at once, without retrying, when Notion says the page is not shared with Bearing", async () => {
    const job = await finished((await importPage("0f4e0e35-0000-4000-8000-000000000000")).id);
    expect(job).toMatchObject({ status: "failed", attempts: 1, result: null, lastError: expect.stringContaining("not shared with Bearing") });
  });

  it("retries a page Notion rate-limited, and imports it on the next attempt", async () => {
    const page = env.fake.store.addPage("Retro", [{ type: "paragraph", text: "More pairing." }]);
    env.fake.rateLimitNext(1, 1);
    const job = await finished((await importPage(page.id)).id);
    expect(job).toMatchObject({ status: "succeeded", attempts: 2, result: { title: "Retro" } });
  });
});

describe("the roadmap export to Notion as a background job", () => {
  it("runs twice into the same database, each item held once, with progress", async () => {
    const parent = env.fake.store.addPage("Planning");
    const input = { parentPageId: parent.id, actorId: env.actorId };
    const first = await enqueueJob(env.db, queue, { workspaceId: env.workspaceId, kind: NOTION_EXPORT_JOB, connectionId, input, createdBy: env.actorId });
    expect(await finished(first.id)).toMatchObject({ status: "succeeded", done: 3, total: 3 });
    const second = await enqueueJob(env.db, queue, { workspaceId: env.workspaceId, kind: NOTION_EXPORT_JOB, connectionId, input, createdBy: env.actorId });
    expect(await finished(second.id)).toMatchObject({ status: "succeeded", done: 3, total: 3 });

    expect(env.fake.store.dataSources.size).toBe(1);
    const [dataSource] = [...env.fake.store.dataSources.values()];
    expect(env.fake.store.rows(dataSource!.id).map((row) => row.title).sort()).toEqual(["Annual plans", "SSO", "Usage billing"]);
    const settings = (await getConnection(env.db, env.workspaceId, "notion"))!.settings as Record<string, string>;
    expect(settings).toMatchObject({ roadmapDataSourceId: dataSource!.id, roadmapParentPageId: parent.id });
  });
});
