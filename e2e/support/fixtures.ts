import { test as base, expect, type BrowserContext } from "@playwright/test";
import { createDatabase, type Database } from "../../db/database";
import { readHarness, type Harness } from "./harness";
import type { ReceivedEmail } from "./mailbox";
import { insertSession, insertUser, type TestUser } from "./seed";

export { expect };
export { linkIn } from "./mailbox";
export { TEST_PASSWORD, uniqueEmail, type TestUser } from "./seed";

export interface MailboxClient {
  /** The first email to `to` whose subject matches, received at or after `since` (ms since epoch). */
  waitFor(to: string, subject: RegExp, options?: { since?: number }): Promise<ReceivedEmail>;
}

interface WorkerFixtures {
  harness: Harness;
  /** The app's database, for arranging rows and for checking what a spec must not have written. */
  db: Database;
}

interface TestFixtures {
  mailbox: MailboxClient;
  /** Inserts a verified account (bcrypt, cost 12) with TEST_PASSWORD unless told otherwise. */
  createUser: (input?: { name?: string; email?: string; password?: string; verified?: boolean }) => Promise<TestUser>;
  /**
   * Signs a browser context in by inserting a session row and setting its cookie, instead of
   * clicking through the login form. Without a context, the test's own context is signed in.
   */
  login: (user: { id: string }, context?: BrowserContext) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  harness: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => use(readHarness()),
    { scope: "worker" },
  ],
  db: [
    async ({ harness }, use) => {
      const db = createDatabase(harness.databaseUrl, { max: 3 });
      await use(db);
      await db.destroy();
    },
    { scope: "worker" },
  ],

  mailbox: async ({ harness }, use) => {
    await use({
      async waitFor(to, subject, { since = 0 } = {}) {
        let found: ReceivedEmail | undefined;
        await expect
          .poll(
            async () => {
              const response = await fetch(`${harness.mailboxUrl}/messages?to=${encodeURIComponent(to)}`);
              const messages = (await response.json()) as ReceivedEmail[];
              found = messages.find((m) => subject.test(m.subject) && Date.parse(m.receivedAt) >= since);
              return Boolean(found);
            },
            { message: `an email to ${to} with a subject matching ${subject}`, timeout: 15_000, intervals: [100, 250, 500] },
          )
          .toBe(true);
        return found!;
      },
    });
  },

  createUser: async ({ db }, use) => {
    await use((input) => insertUser(db, input));
  },

  login: async ({ db, context: ownContext, harness }, use) => {
    await use(async (user, context = ownContext) => {
      const { token, expiresAt } = await insertSession(db, user.id);
      await context.addCookies([
        {
          name: "bearing_session",
          value: token,
          url: harness.appUrl,
          httpOnly: true,
          secure: true,
          sameSite: "Lax",
          expires: Math.floor(expiresAt.getTime() / 1000),
        },
      ]);
    });
  },
});
