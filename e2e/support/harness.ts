import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Where the harness (start-server.ts) tells the test workers what it started. */
export const HARNESS_FILE = resolve(import.meta.dirname, "../.artifacts/harness.json");

export interface Harness {
  /** The app's own origin: `localhost`, because the server's Origin check compares with APP_URL. */
  appUrl: string;
  databaseUrl: string;
  /** The mailbox's JSON view: GET /messages?to=<address>. */
  mailboxUrl: string;
  /** Everything the server printed (JSON log lines, level info and up). */
  serverLog: string;
}

export function readHarness(): Harness {
  try {
    return JSON.parse(readFileSync(HARNESS_FILE, "utf8")) as Harness;
  } catch (error) {
    throw new Error(`${HARNESS_FILE} is missing: is the e2e harness (e2e/support/start-server.ts) running?`, { cause: error });
  }
}
