import type { Transaction } from "kysely";
import type { Database } from "../../../db/database";
import type { DB, IntegrationJobResult } from "../../../db/schema";
import type { Config } from "../env.server";

/** What a handler is given for one run of one job. */
export interface JobContext<Input = unknown, Checkpoint = unknown> {
  db: Database;
  /** The worker process's configuration (provider endpoints, the vault's master key). */
  config: Config;
  workspaceId: string;
  jobId: string;
  connectionId: string | null;
  input: Input;
  /** The last checkpoint saved (null on the first run): a handler resumes from here, never from the start. */
  resumeFrom: Checkpoint | null;
  /** Which run this is, from 1; continuations after a pause count too. */
  attempt: number;
  /** Shown in the UI as "done of total"; total may stay unknown (null). */
  progress(done: number, total?: number | null): Promise<void>;
  /** Persisted before it returns: the next run, on any server, starts from the last value saved. */
  checkpoint(value: Checkpoint): Promise<void>;
  /**
   * For a job that makes one thing (a transcript from a Notion page): `make` writes it in the transaction
   * given, which also records the result the UI links to. Run again after a crash or a retry, it returns
   * the result saved and `make` is not called: the thing is made exactly once.
   */
  produce(make: (trx: Transaction<DB>) => Promise<IntegrationJobResult>): Promise<IntegrationJobResult>;
  /**
   * Aborted when the server stops or the run's time slice ends. The handler saves a checkpoint and
   * returns (or throws); the job is continued by the next worker, not failed.
   */
  signal: AbortSignal;
}

export type JobHandler<Input = unknown, Checkpoint = unknown> = (context: JobContext<Input, Checkpoint>) => Promise<void>;

/** What runs one kind of job. A worker is handed the definitions it runs (`startJobQueue({ handlers })`). */
export interface JobDefinition {
  kind: string;
  handler: JobHandler;
}

// Queue names double as kinds; pg-boss accepts letters, digits, "_", "-", "." and "/".
const KIND = /^[a-z][a-z0-9_.-]*$/;

/** Pairs a kind of job with its handler; nothing runs it until a worker is handed the definition. */
export function defineJob<Input = unknown, Checkpoint = unknown>(kind: string, handler: JobHandler<Input, Checkpoint>): JobDefinition {
  if (!KIND.test(kind)) throw new Error(`Job kind "${kind}" must be lowercase letters, digits, ".", "_" or "-".`);
  // Kept without its types: the worker hands each handler the input its own enqueuer gave.
  return { kind, handler: handler as unknown as JobHandler };
}
