import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { enqueueJob, findJob, type JobView } from "../../../services/jobs/jobs.server";
import { startJobQueue, type JobPolicy, type JobQueue } from "../../../services/jobs/queue.server";
import { createLogger } from "../../../services/logger.server";
import { chooseJiraSite } from "./jira-access.server";
import { JIRA_IMPORT_JOB, JIRA_JOB_HANDLERS } from "./jira-jobs.server";
import { connectJira, startJiraTestEnv, type JiraTestEnv } from "./jira-testing";

// Issue 6 item 10: a 5,000-issue Jira import whose server is killed midway (SIGKILL, no goodbye)
// completes after the restart with exactly 5,000 initiatives. A short expiry lets the dead
// worker's job come back in seconds rather than minutes.
const POLICY: Partial<JobPolicy> = { retryLimit: 10, retryDelay: 1, expireInSeconds: 4 };
const CRASH_WORKER = fileURLToPath(new URL("../../../services/jobs/testing-crash-worker.server.ts", import.meta.url));
const logger = createLogger("error", { write: () => undefined });

let env: JiraTestEnv;
let connectionId: string;
let child: ChildProcess | undefined;
// The crash worker is a server of its own: its configuration comes from its environment.
let workerEnv: Record<string, string>;
const queues: JobQueue[] = [];

beforeAll(async () => {
  env = await startJiraTestEnv({ sites: [{ name: "acme", projects: { BIG: 5000 } }] });
  connectionId = await connectJira(env);
  await chooseJiraSite(env.db, env.config, env.workspaceId, env.fake.sites[0]!.id);
  workerEnv = {
    NODE_ENV: "test",
    SESSION_SECRET: env.config.sessionSecret,
    ENCRYPTION_MASTER_KEY: Buffer.from(env.config.encryptionMasterKey).toString("base64"),
    ATLASSIAN_CLIENT_ID: env.fake.clientId,
    ATLASSIAN_CLIENT_SECRET: env.fake.clientSecret,
    ATLASSIAN_AUTH_URL: env.fake.url,
    ATLASSIAN_API_URL: env.fake.url,
  };
});
afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const queue of queues) await queue.stop();
  await env?.close();
});

async function queue(work: boolean) {
  const started = await startJobQueue({ databaseUrl: env.database.url, db: env.db, logger, handlers: work ? JIRA_JOB_HANDLERS : undefined, config: env.config, policy: POLICY, pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
  queues.push(started);
  return started;
}

async function waitFor(id: string, done: (job: JobView) => boolean): Promise<JobView> {
  for (;;) {
    const job = (await findJob(env.db, env.workspaceId, id))!;
    if (done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = async (table: "initiatives" | "initiative_links") =>
  Number((await env.db.selectFrom(table).select(({ fn }) => fn.countAll<string>().as("n")).where("workspace_id", "=", env.workspaceId).executeTakeFirstOrThrow()).n);

it("a 5,000-issue Jira import survives its server being killed midway: after the restart it ends with exactly 5,000 initiatives", async () => {
  const started = performance.now();
  const enqueuer = await queue(false);
  child = fork(CRASH_WORKER, {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...workerEnv, DATABASE_URL: env.database.url, JOB_POLICY: JSON.stringify(POLICY) },
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  expect((await once(child, "message"))[0]).toBe("ready");
  const { id } = await enqueueJob(env.db, enqueuer, { workspaceId: env.workspaceId, kind: JIRA_IMPORT_JOB, connectionId, input: { jql: "project = BIG", actorId: env.actorId }, createdBy: env.actorId });

  await waitFor(id, (job) => job.done >= 1000);
  child.kill("SIGKILL");
  await once(child, "exit");
  const killed = (await findJob(env.db, env.workspaceId, id))!;
  expect(killed.status).toBe("running");
  expect(await count("initiatives")).toBeLessThan(5000);

  await queue(true);
  const finished = await waitFor(id, (job) => job.status === "succeeded" || job.status === "failed");
  console.info(`5,000-issue Jira import with its server killed midway: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  expect(finished).toMatchObject({ status: "succeeded", done: 5000, lastError: null });
  expect([await count("initiatives"), await count("initiative_links")]).toEqual([5000, 5000]);
}, 120_000);
