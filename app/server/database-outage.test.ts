import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../../db/database";
import { findFreePort } from "../../db/embedded";
import { startPrivatePostgres, type PrivatePostgres } from "../../db/testing/private-postgres";
import { insertSession, insertUser, insertWorkspace } from "../../e2e/support/seed";
import { RETENTION_QUEUE } from "../services/retention/retention-job.server";
import { visibleText } from "./testing";
import { productionEnv, startServerProcess, stopServerProcess, waitUntilReady, type ServerProcess } from "./testing-process";

/**
 * Issue 12, item 9: an operator's PostgreSQL restarts (a failover, a minor-version upgrade) or dies.
 * The server process must outlive it, say so while it lasts, and carry on by itself afterwards.
 */
describe("a server whose PostgreSQL goes away", () => {
  let postgres: PrivatePostgres;
  let server: ServerProcess;
  let db: Database;
  let url: string;
  let cookie: string;
  let page: string;
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-outage-"));

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    const port = await findFreePort();
    url = `http://127.0.0.1:${port}`;
    server = startServerProcess(productionEnv({ port, appUrl: url, databaseUrl: postgres.url, dataDir }));
    await waitUntilReady(url, server);
    db = createDatabase(postgres.url);
    const user = await insertUser(db);
    const workspace = await insertWorkspace(db, user.id, "Outage Works");
    cookie = `bearing_session=${(await insertSession(db, user.id)).token}`;
    page = `/w/${workspace.slug}/risks`;
  });

  afterAll(async () => {
    if (server) await stopServerProcess(server);
    await db?.destroy();
    await postgres?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("survives a fast restart (every session ended with 57P01 admin_shutdown), answers 503 meanwhile, and carries on", async () => {
    await expectToSurvive(async () => {
      await postgres.stop();
      await expectOutageAnswers();
      await postgres.start();
    });
  }, 90_000);

  it("survives PostgreSQL killed with SIGKILL and recovering from its WAL on the next start", async () => {
    await expectToSurvive(async () => {
      postgres.kill();
      await expectOutageAnswers();
      await postgres.start();
    });
  }, 90_000);

  /** Runs the fault under a steady load of signed-in page views, then checks that all is as before. */
  async function expectToSurvive(fault: () => Promise<void>) {
    const load = pageViews();
    await expect.poll(() => load.statuses, { timeout: 15_000 }).toContain(200);
    try {
      await fault();
    } catch (error) {
      if (!server.running()) throw new Error(`The server process died:\n${server.output().slice(-3000)}`, { cause: error });
      throw error;
    } finally {
      // A failed check leaves the server down; the next test needs it up.
      await postgres.start();
    }
    await waitUntilReady(url, server);
    const statuses = await load.stop();
    expect(server.running(), server.output().slice(-3000)).toBe(true);
    // Every answer during the fault was the page or the outage page: no 500, no dropped connection.
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    expect((await fetch(`${url}${page}`, { headers: { cookie } })).status).toBe(200);
    await expectJobsToRun();
  }

  async function expectOutageAnswers() {
    const response = await fetch(`${url}${page}`, { headers: { cookie } });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(visibleText(await response.text())).toContain("Bearing cannot reach its database");
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
  }

  /** Signed-in page views, four at a time, until stopped; `statuses` holds each one's answer (0: none at all). */
  function pageViews() {
    let running = true;
    const statuses: number[] = [];
    const view = async () => {
      while (running) {
        statuses.push(await fetch(`${url}${page}`, { headers: { cookie } }).then((r) => (void r.body?.cancel(), r.status), () => 0));
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const views = Array.from({ length: 4 }, view);
    return {
      statuses,
      async stop() {
        running = false;
        await Promise.all(views);
        return statuses;
      },
    };
  }

  /** The server's worker takes a job sent now and completes it: its queue outlived the fault. */
  async function expectJobsToRun() {
    const boss = new PgBoss({ connectionString: postgres.url, schema: "pgboss", supervise: false, schedule: false, migrate: false, max: 1 });
    boss.on("error", () => {});
    await boss.start();
    try {
      const id = await boss.send(RETENTION_QUEUE, {});
      expect(id).toBeTruthy();
      await expect.poll(async () => (await boss.getJobById(RETENTION_QUEUE, id!))?.state, { timeout: 20_000, interval: 250 }).toBe("completed");
    } finally {
      await boss.stop({ graceful: false });
    }
  }
});
