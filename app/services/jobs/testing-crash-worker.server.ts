import { createDatabase } from "../../../db/database";
import { BACKGROUND_JOBS } from "../../server/background-jobs";
import { loadConfig } from "../env.server";
import { createLogger } from "../logger.server";
import { startJobQueue } from "./queue.server";
import { TEST_JOB_HANDLERS } from "./testing-jobs.server";

/**
 * A server that dies mid-job, for jobs.server.test.ts: run with `tsx` as a child process with
 * DATABASE_URL (and the rest of its configuration in the environment, as a server has), it works jobs (the test ones and every real kind, such as the Jira import) until the test kills it with SIGKILL.
 */
const databaseUrl = process.env.DATABASE_URL!;
const db = createDatabase(databaseUrl);
await startJobQueue({
  databaseUrl,
  db,
  logger: createLogger("silent"),
  handlers: [...TEST_JOB_HANDLERS, ...BACKGROUND_JOBS],
  config: loadConfig(),
  policy: JSON.parse(process.env.JOB_POLICY ?? "{}"),
  pollingIntervalSeconds: 1,
});
process.send?.("ready");
