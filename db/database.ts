import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema";

export type Database = Kysely<DB>;

// Return bigint (int8) counts as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Scores and estimates (numeric) are small decimals: numbers, not strings.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// A calendar date stays "2026-11-23": a Date object would shift it by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDatabase(
  connectionString: string,
  { max = 10, onError }: { max?: number; onError?: (error: Error) => void } = {},
): Database {
  const pool = new pg.Pool({ connectionString, max });
  // A connection can break at any moment: a restart or failover ends it with 57P01, a killed server just
  // closes it. node-postgres then emits 'error' on its client, and an 'error' nobody listens to ends the
  // process. The pool listens only while a client is idle; a client checked out (a request's query, a
  // transaction) has no listener unless it gets one here. The query using it fails with the error (and
  // is answered with 503, app/server/route-errors.ts); the pool then drops the client and
  // opens a new one on demand once the server is back.
  pool.on("connect", (client) => client.on("error", (error) => onError?.(error)));
  // An idle client's error also reaches the pool; its own listener above has already reported it.
  pool.on("error", () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
