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
  // An idle client losing its server (a restart, the embedded server stopping) must not crash the process.
  pool.on("error", (error) => onError?.(error));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
