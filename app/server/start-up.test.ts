import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../db/migrations/index";
import { createTestDatabase, type TestDatabase } from "../../db/testing/database";
import { loadConfig } from "../services/env.server";
import { createLogger } from "../services/logger.server";
import { RETENTION_QUEUE } from "../services/retention/retention-job.server";
import { BACKGROUND_JOBS } from "./background-jobs";
import { startUp } from "./start-up";

/**
 * Issue 12, item 10: a rolling deploy or `docker compose up --scale app=3` starts instances together on
 * one database. Two pg-boss queue creations of the same queue deadlocked (each one's insert into
 * pgboss.queue waited for the other's, while the other waited for a lock on that table to add the new
 * partition's foreign key), and the instance PostgreSQL picked as the victim exited.
 */
describe("instances starting at the same moment on one database", () => {
  const config = loadConfig({ NODE_ENV: "test", SESSION_SECRET: randomBytes(32).toString("hex"), ENCRYPTION_MASTER_KEY: randomBytes(32).toString("base64") });
  const lines: string[] = [];
  const logger = createLogger("warn", { write: (line: string) => void lines.push(line) });
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ empty: true });
  });
  afterAll(() => test.drop());

  it("all start: each migration is applied once, each queue is created once, and the schedule is written", async () => {
    const started = await Promise.allSettled(Array.from({ length: 4 }, () => startUp({ db: test.db, databaseUrl: test.url, config, logger })));
    await Promise.all(started.map((result) => (result.status === "fulfilled" ? result.value.jobs.stop() : null)));
    expect(started.filter((result) => result.status === "rejected").map((result) => String(result.reason))).toEqual([]);

    const applied = started.flatMap((result) => (result.status === "fulfilled" ? result.value.applied : []));
    expect(applied.sort()).toEqual(Object.keys(migrations));
    // pg-boss's own cron queue (__pgboss__send-it) aside.
    const { rows: queues } = await sql<{ name: string }>`select name from pgboss.queue where not starts_with(name, '__pgboss__') order by name`.execute(test.db);
    expect(queues.map((queue) => queue.name)).toEqual([...BACKGROUND_JOBS.map((job) => job.kind), RETENTION_QUEUE, "jobs.given-up"].sort());
    const { rows: schedules } = await sql<{ name: string }>`select name from pgboss.schedule`.execute(test.db);
    expect(schedules.map((schedule) => schedule.name)).toEqual([RETENTION_QUEUE]);
  }, 60_000);
});
