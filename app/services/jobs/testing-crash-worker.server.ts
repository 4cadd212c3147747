import { createDatabase } from "../../../db/database";
import { createLogger } from "../logger.server";
import { startJobQueue } from "./queue.server";
import "./testing-jobs.server";

/**
 * A server that dies mid-job, for jobs.server.test.ts: run with `tsx` as a child process with
 * DATABASE_URL, it works jobs until the title import hangs, and the test then kills it with SIGKILL.
 */
const databaseUrl = process.env.DATABASE_URL!;
const db = createDatabase(databaseUrl);
await startJobQueue({
  databaseUrl,
  db,
  logger: createLogger("silent"),
  work: true,
  policy: JSON.parse(process.env.JOB_POLICY ?? "{}"),
  pollingIntervalSeconds: 1,
});
process.send?.("ready");
