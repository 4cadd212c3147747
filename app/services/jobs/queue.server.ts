import PgBoss from "pg-boss";
import type { Database } from "../../../db/database";
import type { Config } from "../env.server";
import type { Logger } from "../logger.server";
import type { JobDefinition } from "./job-definition.server";
import { markGivenUp, runJob, type JobPayload } from "./run-job.server";

/** How long and how often a job may run; the same for every kind, so a restart resumes each alike. */
export interface JobPolicy {
  /** Failed attempts retried before the job is marked failed. */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (pg-boss `retryBackoff`). */
  retryDelay: number;
  /**
   * Seconds a run may last before pg-boss fails it and hands it to another worker. Short, so a job whose
   * server died is picked up again soon after a restart; long imports run in slices that end a little
   * earlier (see run-job.server.ts) and continue from their checkpoint.
   */
  expireInSeconds: number;
}

const DEFAULT_JOB_POLICY: JobPolicy = { retryLimit: 5, retryDelay: 10, expireInSeconds: 120 };

export interface JobQueue {
  boss: PgBoss;
  policy: JobPolicy;
  /** Creates the pg-boss queue of a kind once per process (an enqueuing process is handed no handlers). */
  prepare(kind: string): Promise<void>;
  /** Ends running slices (they checkpoint and are continued elsewhere), then closes pg-boss's own pool. */
  stop(): Promise<void>;
}

export interface StartJobQueueOptions {
  databaseUrl: string;
  db: Database;
  logger: Logger;
  /**
   * What this process runs, one definition per kind: given, the queue also works those jobs (and keeps
   * pg-boss's clock); absent, it only enqueues (a web-only instance, the Remix routes, most tests).
   */
  handlers?: readonly JobDefinition[];
  /** What a working queue hands each handler: the provider endpoints and the vault's master key. */
  config?: Config;
  policy?: Partial<JobPolicy>;
  /** How often an idle worker asks for jobs, and how often expired jobs are looked for. */
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

export async function startJobQueue(options: StartJobQueueOptions): Promise<JobQueue> {
  const { databaseUrl, db, logger, config, handlers } = options;
  const work = handlers !== undefined;
  if (work && !config) throw new Error("A queue that works jobs needs the configuration its handlers use (options.config).");
  const byKind = handlersByKind(handlers ?? []);
  const policy = { ...DEFAULT_JOB_POLICY, ...options.policy };
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: "pgboss",
    max: 4,
    application_name: "bearing-jobs",
    supervise: work,
    // A worker also keeps pg-boss's cron clock (the retention job, app/services/retention); an enqueue-only one does not.
    schedule: work,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  // pg-boss reports lost connections and failed polls here; without a listener they would crash the process.
  boss.on("error", (error) => logger.warn({ error: error.message }, "background job queue error"));
  await boss.start();
  await ensureDeadLetterQueue(boss);
  const prepared = new Map<string, Promise<void>>();
  const prepare = (kind: string) => {
    if (!prepared.has(kind)) {
      // A failure is not remembered: the next enqueue tries again.
      prepared.set(kind, ensureQueue(boss, kind, policy).catch((error: unknown) => {
        prepared.delete(kind);
        throw error;
      }));
    }
    return prepared.get(kind)!;
  };
  for (const kind of byKind.keys()) await prepare(kind);

  const running = new Set<AbortController>();
  if (work) {
    for (const [kind, handler] of byKind) {
      await boss.work<JobPayload>(
        kind,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async ([job]) => {
          if (!job) return;
          const stopping = new AbortController();
          running.add(stopping);
          try {
            await runJob({ db, config: config!, boss, logger, policy, job, handler, stopping: stopping.signal });
          } finally {
            running.delete(stopping);
          }
        },
      );
    }
    await boss.work<JobPayload>(GIVEN_UP, { batchSize: 10, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) await markGivenUp(db, job.data);
    });
  }

  let stopped: Promise<void> | undefined;
  return {
    boss,
    policy,
    prepare,
    stop() {
      stopped ??= (async () => {
        for (const controller of running) controller.abort(new Error("The server is stopping."));
        await boss.stop({ graceful: true, wait: true, timeout: 8_000 });
      })();
      return stopped;
    },
  };
}

function handlersByKind(handlers: readonly JobDefinition[]) {
  const byKind = new Map<string, JobDefinition["handler"]>();
  for (const { kind, handler } of handlers) {
    if (byKind.has(kind)) throw new Error(`Two handlers were given for jobs of kind "${kind}".`);
    byKind.set(kind, handler);
  }
  return byKind;
}

/**
 * pg-boss copies a job here once it has failed for good. Our own handler marks its row failed when it
 * throws; this catches the attempts that never came back (a server that died on the last retry).
 */
const GIVEN_UP = "jobs.given-up";

async function ensureDeadLetterQueue(boss: PgBoss) {
  await boss.createQueue(GIVEN_UP, { name: GIVEN_UP, policy: "standard" });
}

/**
 * pg-boss 10 sends only to queues that exist; "stately" keeps one queued and one running job per key.
 * createQueue does nothing for a queue that exists (so instances may race), updateQueue applies the policy.
 */
async function ensureQueue(boss: PgBoss, kind: string, policy: JobPolicy) {
  const options = { name: kind, policy: "stately" as const, retryBackoff: true, deadLetter: GIVEN_UP, ...policy };
  await boss.createQueue(kind, options);
  await boss.updateQueue(kind, options);
}
