import { sql } from "kysely";
import type { Database } from "./database";

// Any fixed 64-bit key no other program on the database uses; these are the bytes of "bearing!".
const START_UP_LOCK = 0x62656172696e6721n;

/**
 * Runs a server's start-up steps while no other instance runs its own: the migrations, and pg-boss's
 * schema, queues and schedules, whose creation deadlocks when two instances do it at once (decision
 * 018). A session-level advisory lock held on one connection for the whole sequence; if the process dies
 * meanwhile, PostgreSQL ends the session and the lock goes with it. The second instance waits, then finds
 * everything in place and changes nothing.
 */
export async function whileHoldingStartUpLock<T>(db: Database, steps: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(START_UP_LOCK)})`.execute(connection);
    try {
      return await steps();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(START_UP_LOCK)})`.execute(connection);
    }
  });
}
