import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { loadConfig } from "../env.server";
import { createLogger } from "../logger.server";
import { defineJob } from "./job-definition.server";
import { enqueueJob, findJob } from "./jobs.server";
import { startJobQueue, type JobQueue } from "./queue.server";
import { MAKE_ONE, TEST_JOB_HANDLERS, TITLE_IMPORT } from "./testing-jobs.server";

const CONFIG = loadConfig({ NODE_ENV: "test", SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64") });
const logger = createLogger("error", { write: () => undefined });

describe("a job queue runs what it is handed (docs/decisions/021)", () => {
  let test: TestDatabase;
  const queues: JobQueue[] = [];
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop();
    await test?.drop();
  });

  it("works only the kinds it was handed: another kind's job waits, queued, for a worker that has its handler", async () => {
    const { id: workspaceId } = await test.db.insertInto("workspaces").values({ slug: "handed-jobs", name: "Handed jobs", updated_at: new Date() }).returning("id").executeTakeFirstOrThrow();
    const makeOneOnly = TEST_JOB_HANDLERS.filter((job) => job.kind === MAKE_ONE);
    const worker = await startJobQueue({ databaseUrl: test.url, db: test.db, logger, config: CONFIG, handlers: makeOneOnly, pollingIntervalSeconds: 1 });
    queues.push(worker);

    const waiting = await enqueueJob(test.db, worker, { workspaceId, kind: TITLE_IMPORT, input: { count: 1 }, createdBy: null });
    const handed = await enqueueJob(test.db, worker, { workspaceId, kind: MAKE_ONE, subject: "plan", input: { title: "The plan", failingAttempts: 0 }, createdBy: null });
    await expect.poll(async () => (await findJob(test.db, workspaceId, handed.id))?.status, { timeout: 20_000, interval: 100 }).toBe("succeeded");
    expect(await findJob(test.db, workspaceId, waiting.id)).toMatchObject({ status: "queued", attempts: 0 });

    queues.push(await startJobQueue({ databaseUrl: test.url, db: test.db, logger, config: CONFIG, handlers: TEST_JOB_HANDLERS, pollingIntervalSeconds: 1 }));
    await expect.poll(async () => (await findJob(test.db, workspaceId, waiting.id))?.status, { timeout: 20_000, interval: 100 }).toBe("succeeded");
  });

  it("refuses two handlers for one kind, before it connects", async () => {
    const twice = [...TEST_JOB_HANDLERS, defineJob(TITLE_IMPORT, async () => {})];
    await expect(startJobQueue({ databaseUrl: "postgres://127.0.0.1:9/none", db: test.db, logger, config: CONFIG, handlers: twice })).rejects.toThrow(
      'Two handlers were given for jobs of kind "test.title-import".',
    );
  });
});
