import type { Database } from "../../db/database";
import type { Config } from "./env.server";
import type { Mailer } from "./email.server";
import type { JobQueue } from "./jobs/queue.server";
import type { Logger } from "./logger.server";
import type { Auth } from "./session.server";

/** What the HTTP server hands to every loader and action (see app/server/app.ts). */
export interface RequestContext {
  db: Database;
  config: Config;
  logger: Logger;
  mailer: Mailer;
  /** Background jobs, for actions that enqueue (app/services/jobs/jobs.server.ts); null where none run. */
  jobs: JobQueue | null;
  requestId: string;
  nonce: string;
  /** The client address, as trusted per TRUST_PROXY. */
  ip: string;
  /** The other end of the TCP connection (the client, or the proxy in front of us), whatever the headers say. */
  socketAddress: string;
  /** A full session only: a session still waiting for its second factor opens nothing. */
  auth: Auth | null;
  /** A session that passed the password (or a provider) but not yet the second factor (/login/two-factor). */
  pendingTwoFactor: Auth | null;
  /**
   * This request met an unreachable database: the session lookup could not run (so `auth` is unknown, not
   * absent), or a loader or action lost its connection. Set and read by app/server/route-errors.ts.
   */
  databaseUnreachable: boolean;
}

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
  interface Future {
    v3_singleFetch: true;
  }
}
