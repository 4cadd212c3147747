import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../db/testing/database";
import { startFakeAtlassian, type FakeAtlassian } from "../../../../integrations/jira/fake-server";
import { loadConfig, type Config } from "../../../services/env.server";
import { enqueueJob, findJob, type JobView } from "../../../services/jobs/jobs.server";
import { startJobQueue, type JobQueue } from "../../../services/jobs/queue.server";
import { createLogger } from "../../../services/logger.server";
import { createVaultWorkspace } from "../../../services/token-vault/testing";
import { saveConnection } from "../connections.server";
import { requireConfiguredProvider } from "../providers.server";
import { chooseJiraSite } from "./jira-access.server";
import { enqueueJiraStatusSyncs, JIRA_IMPORT_JOB, JIRA_JOB_HANDLERS } from "./jira-jobs.server";

const SECRETS = { SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64") };
let fake: FakeAtlassian;
let test: TestDatabase;
let workspaceId: string;
let actorId: string;
let connectionId: string;
let config: Config;
const queues: JobQueue[] = [];

beforeAll(async () => {
  fake = await startFakeAtlassian({ sites: [{ name: "acme", projects: { BIG: 5000 } }] });
  config = loadConfig({ NODE_ENV: "test", ...SECRETS, ATLASSIAN_CLIENT_ID: fake.clientId, ATLASSIAN_CLIENT_SECRET: fake.clientSecret, ATLASSIAN_AUTH_URL: fake.url, ATLASSIAN_API_URL: fake.url });
  test = await createTestDatabase();
  workspaceId = await createVaultWorkspace(test.db, "Northwind Payments");
  actorId = (await test.db.selectFrom("memberships").select("user_id").where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow()).user_id;
  const provider = requireConfiguredProvider(config, "jira");
  const redirectUri = "http://localhost:3000/w/northwind/integrations/jira/callback";
  const consent = await fetch(provider.authorizationUrl({ state: "s".repeat(43), redirectUri, codeVerifier: "" }), { redirect: "manual" });
  const code = new URL(consent.headers.get("location")!).searchParams.get("code")!;
  connectionId = await saveConnection(test.db, config, workspaceId, actorId, provider, await provider.exchangeCode({ code, redirectUri, codeVerifier: "" }));
  await chooseJiraSite(test.db, config, workspaceId, fake.sites[0]!.id);
});
afterAll(async () => {
  for (const queue of queues) await queue.stop();
  await fake?.close();
  await test?.drop();
});

async function startWorker() {
  const logger = createLogger("error", { write: () => undefined });
  const queue = await startJobQueue({ databaseUrl: test.url, db: test.db, logger, config, handlers: JIRA_JOB_HANDLERS, pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 });
  queues.push(queue);
  return queue;
}

async function waitFor(id: string, done: (job: JobView) => boolean): Promise<JobView> {
  for (;;) {
    const job = (await findJob(test.db, workspaceId, id))!;
    if (done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the Jira import as a background job", () => {
  it("imports 5,000 issues; stopped midway, the next worker carries on from its checkpoint without duplicates", async () => {
    const started = performance.now();
    const first = await startWorker();
    const { id } = await enqueueJob(test.db, first, { workspaceId, kind: JIRA_IMPORT_JOB, connectionId, input: { jql: "project = BIG", actorId }, createdBy: actorId });
    await waitFor(id, (job) => job.done >= 1000);
    await first.stop();
    queues.splice(queues.indexOf(first), 1);
    const paused = (await findJob(test.db, workspaceId, id))!;
    expect(paused.status).not.toBe("succeeded");

    await startWorker();
    const finished = await waitFor(id, (job) => job.status === "succeeded" || job.status === "failed");
    console.info(`5,000-issue Jira import as a job (stopped and resumed once): ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(finished).toMatchObject({ status: "succeeded", done: 5000, attempts: 2, lastError: null });
    const links = await test.db.selectFrom("initiative_links").select(({ fn }) => fn.countAll<string>().as("n")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    const initiatives = await test.db.selectFrom("initiatives").select(({ fn }) => fn.countAll<string>().as("n")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
    expect([Number(links.n), Number(initiatives.n)]).toEqual([5000, 5000]);
  });

  it("queues a status sync for each connected workspace on the schedule's tick, which moves changed initiatives", async () => {
    fake.project(0, "BIG").setStatus("BIG-2", "new");
    const queue = await startWorker();
    expect(await enqueueJiraStatusSyncs(test.db, queue)).toBe(1);
    const [job] = await test.db.selectFrom("integration_jobs").select("id").where("workspace_id", "=", workspaceId).where("kind", "=", "jira.status-sync").execute();
    expect(await waitFor(job!.id, (j) => j.status === "succeeded" || j.status === "failed")).toMatchObject({ status: "succeeded", done: 5000 });
    const moved = await test.db
      .selectFrom("initiatives as i")
      .innerJoin("initiative_links as l", (join) => join.onRef("l.workspace_id", "=", "i.workspace_id").onRef("l.initiative_id", "=", "i.id"))
      .select(["i.status", "l.status as jiraStatus"])
      .where("i.workspace_id", "=", workspaceId)
      .where("l.external_id", "=", "BIG-2")
      .executeTakeFirstOrThrow();
    expect(moved).toEqual({ status: "planned", jiraStatus: "To Do" });
  });
});
