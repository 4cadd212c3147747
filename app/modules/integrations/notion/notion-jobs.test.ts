import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, findJob, type JobView } from "../../../services/jobs/jobs.server";
import { startJobQueue, type JobQueue } from "../../../services/jobs/queue.server";
import { createLogger } from "../../../services/logger.server";
import { createRoadmapItem } from "../../roadmap/roadmap.server";
import { getConnection } from "../connections.server";
import { NOTION_EXPORT_JOB } from "./notion-jobs.server";
import { connectNotion, startNotionTestEnv, type NotionTestEnv } from "./notion-testing";

// The job handler reads its configuration from the environment, as the server process's worker does.
let env: NotionTestEnv;
let connectionId: string;
let queue: JobQueue;
const saved = { ...process.env };

beforeAll(async () => {
  env = await startNotionTestEnv();
  Object.assign(process.env, env.env);
  connectionId = await connectNotion(env);
  for (const [title, lane] of [["Annual plans", "now"], ["Usage billing", "next"], ["SSO", "later"]] as const) {
    await createRoadmapItem(env.db, env.workspaceId, env.actorId, { title, description: "", lane, initiative_id: null, start_quarter: null, end_quarter: null } as never);
  }
  const logger = createLogger("error", { write: () => undefined });
  queue = await startJobQueue({ databaseUrl: env.database.url, db: env.db, logger, work: true, pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
});
afterAll(async () => {
  await queue?.stop();
  process.env = saved;
  await env?.close();
});

async function finished(id: string): Promise<JobView> {
  for (;;) {
    const job = (await findJob(env.db, env.workspaceId, id))!;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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
