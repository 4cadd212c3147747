import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { loadConfig } from "../env.server";
import { createLogger } from "../logger.server";
import { enqueueJob, findJob, type JobView } from "./jobs.server";
import { startJobQueue, type JobPolicy, type JobQueue } from "./queue.server";
import { MAKE_ONE, TEST_JOB_HANDLERS, TITLE_IMPORT, type TitleImportInput } from "./testing-jobs.server";

// Short enough that a dead worker's job is taken back within seconds; one policy for the whole file,
// since pg-boss keeps it per queue.
const POLICY: JobPolicy = { retryLimit: 3, retryDelay: 1, expireInSeconds: 4 };
const CONFIG = loadConfig({ NODE_ENV: "test", SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64") });
const CRASH_WORKER = fileURLToPath(new URL("./testing-crash-worker.server.ts", import.meta.url));

describe("background jobs on pg-boss", () => {
  let test: TestDatabase;
  const logs: string[] = [];
  const logger = createLogger("info", { write: (line: string) => void logs.push(line) });
  const queues: JobQueue[] = [];
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    for (const queue of queues.splice(0)) await queue.stop();
  });
  afterAll(() => test.drop());

  async function startQueue(work: boolean) {
    const queue = await startJobQueue({ databaseUrl: test.url, db: test.db, logger, handlers: work ? TEST_JOB_HANDLERS : undefined, config: CONFIG, policy: POLICY, pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
    queues.push(queue);
    return queue;
  }

  async function newWorkspace() {
    const workspace = await test.db
      .insertInto("workspaces")
      .values({ slug: `w-${Math.random().toString(36).slice(2, 10)}`, name: "Northwind Payments", updated_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    return workspace.id;
  }

  function enqueueImport(queue: JobQueue, workspaceId: string, input: TitleImportInput) {
    return enqueueJob(test.db, queue, { workspaceId, kind: TITLE_IMPORT, input, createdBy: null });
  }

  /** Every state the job's row passed through while polled, until `done` holds. */
  async function watchJob(workspaceId: string, id: string, done: (job: JobView) => boolean) {
    const seen: JobView[] = [];
    for (;;) {
      const job = (await findJob(test.db, workspaceId, id))!;
      seen.push(job);
      if (done(job)) return seen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function importedTitles(workspaceId: string) {
    const rows = await test.db.selectFrom("initiatives").select("title").where("workspace_id", "=", workspaceId).execute();
    return rows.map((row) => row.title).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  }

  const titles = (count: number) => Array.from({ length: count }, (_, i) => `Imported ${i + 1}`);
  const finished = (job: JobView) => job.status === "succeeded" || job.status === "failed";

  it("queues the same import once, runs it, and reports its progress", async () => {
    const workspaceId = await newWorkspace();
    const enqueuer = await startQueue(false);
    const first = await enqueueImport(enqueuer, workspaceId, { count: 5 });
    const second = await enqueueImport(enqueuer, workspaceId, { count: 5 });
    expect(second).toEqual({ id: first.id, created: false });
    expect(await findJob(test.db, workspaceId, first.id)).toMatchObject({ status: "queued", done: 0, total: null });

    await startQueue(true);
    const seen = await watchJob(workspaceId, first.id, finished);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", done: 5, total: 5, attempts: 1, lastError: null });
    expect(seen.at(-1)!.finishedAt).not.toBeNull();
    expect(await importedTitles(workspaceId)).toEqual(titles(5));
    const pgBossJobs = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where data->>'jobId' = ${first.id}`.execute(test.db);
    expect(pgBossJobs.rows[0]!.n).toBe(1);
  });

  it("retries a failing attempt with backoff, then succeeds without duplicating rows", async () => {
    const workspaceId = await newWorkspace();
    const queue = await startQueue(true);
    const { id } = await enqueueImport(queue, workspaceId, { count: 4, failingAttempts: 2 });

    const seen = await watchJob(workspaceId, id, finished);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", done: 4, total: 4, attempts: 3, lastError: null });
    expect(await importedTitles(workspaceId)).toEqual(titles(4));
    const failures = logs.map((line) => JSON.parse(line)).filter((entry) => entry.jobId === id && entry.msg === "background job attempt failed");
    expect(failures.map((entry) => [entry.attempt, entry.error])).toEqual([
      [1, "The provider answered 503 on attempt 1."],
      [2, "The provider answered 503 on attempt 2."],
    ]);
    const [record] = (await sql<{ retry_count: number; retry_backoff: boolean; retry_delay: number }>`
      select retry_count, retry_backoff, retry_delay from pgboss.job where data->>'jobId' = ${id}`.execute(test.db)).rows;
    expect(record).toEqual({ retry_count: 2, retry_backoff: true, retry_delay: 1 });
  });

  it("makes a job's one thing exactly once, however often the job is retried, and links it as the result", async () => {
    const workspaceId = await newWorkspace();
    const queue = await startQueue(true);
    const { id } = await enqueueJob(test.db, queue, { workspaceId, kind: MAKE_ONE, subject: "the-plan", input: { title: "The plan", failingAttempts: 2 }, createdBy: null });

    const seen = await watchJob(workspaceId, id, finished);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", attempts: 3, result: { title: "The plan", path: expect.stringMatching(/^\/initiatives\//) } });
    const made = await test.db.selectFrom("initiatives").select("id").where("workspace_id", "=", workspaceId).execute();
    expect(made.map((row) => `/initiatives/${row.id}`)).toEqual([seen.at(-1)!.result!.path]);
  });

  it("gives up after the retry limit and keeps the last error for the UI", async () => {
    const workspaceId = await newWorkspace();
    const queue = await startQueue(true);
    const { id } = await enqueueImport(queue, workspaceId, { count: 3, failingAttempts: 99 });

    const seen = await watchJob(workspaceId, id, finished);
    expect(seen.at(-1)).toMatchObject({ status: "failed", attempts: POLICY.retryLimit + 1, lastError: "The provider answered 503 on attempt 4." });
    expect(seen.at(-1)!.finishedAt).not.toBeNull();
    expect(await importedTitles(workspaceId)).toEqual(titles(1));
    // The same import can be queued again once the last one has ended.
    expect((await enqueueImport(queue, workspaceId, { count: 3 })).created).toBe(true);
  }, 60_000);

  it("hands a running job back on a clean stop, and the next worker finishes it from its checkpoint", async () => {
    const workspaceId = await newWorkspace();
    const first = await startQueue(true);
    const { id } = await enqueueImport(first, workspaceId, { count: 6, pauseAfterSteps: 2 });
    await watchJob(workspaceId, id, (job) => job.done === 2);
    await first.stop();
    expect(await findJob(test.db, workspaceId, id)).toMatchObject({ status: "queued", done: 2, total: 6, lastError: null });

    await startQueue(true);
    const seen = await watchJob(workspaceId, id, finished);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", done: 6, total: 6, attempts: 2 });
    expect(await importedTitles(workspaceId)).toEqual(titles(6));
  });

  it("resumes a job whose server died midway from its checkpoint, with no duplicate writes", async () => {
    const workspaceId = await newWorkspace();
    const enqueuer = await startQueue(false);
    const child = fork(CRASH_WORKER, {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, DATABASE_URL: test.url, JOB_POLICY: JSON.stringify(POLICY), BEARING_HANG_JOBS: "1" },
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    children.push(child);
    expect((await once(child, "message"))[0]).toBe("ready");
    // The fourth write lands, its checkpoint does not: the next worker must redo step 4 without a duplicate.
    const { id } = await enqueueImport(enqueuer, workspaceId, { count: 10, hangAfterWrites: 4 });
    expect((await once(child, "message"))[0]).toBe("hanging");
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(await findJob(test.db, workspaceId, id)).toMatchObject({ status: "running", done: 3, total: 10 });
    expect(await importedTitles(workspaceId)).toEqual(titles(4));

    await startQueue(true);
    const seen = await watchJob(workspaceId, id, finished);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", done: 10, total: 10, attempts: 2 });
    // The new worker went on from step 4, not from the start.
    expect(seen.filter((job) => job.done > 0).map((job) => job.done).every((done) => done >= 3)).toBe(true);
    expect(await importedTitles(workspaceId)).toEqual(titles(10));
  }, 60_000);
});
