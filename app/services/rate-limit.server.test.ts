import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../server/test-context";
import { logIn, signUp, startTestApp, visibleText, type TestApp } from "../server/testing";
import { fingerprint } from "./tokens.server";

const env = setUpTestApp();
let twin: TestApp;

beforeAll(async () => {
  // A second instance of the same deployment: same database and secrets, its own process state.
  twin = await startTestApp({ db: env.db, mailbox: env.app.mailbox });
});
afterAll(async () => {
  await twin?.close();
});

function retryAfter(text: string): number {
  const seconds = text.match(/Try again in (\d+) seconds\./)?.[1];
  if (!seconds) throw new Error(`no "Try again in N seconds." in: ${text}`);
  return Number(seconds);
}

describe("rate limits", () => {
  it("refuses the 11th login attempt for one email within 15 minutes with 429, even with the right password", async () => {
    const user = { name: "Brute Target", email: "target@example.com", password: "patience is a virtue 3141" };
    expect((await signUp(env.app, user)).status).toBe(302);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await logIn(env.app.newBrowser(), { email: user.email, password: `wrong guess number ${attempt}` });
      expect(wrong.status, `attempt ${attempt}`).toBe(400);
    }
    const right = await logIn(env.app.newBrowser(), user);
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
    const seconds = retryAfter(visibleText(await right.text()));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);

    // The count is kept per email: another account is not locked out.
    const other = { name: "Bystander", email: "bystander@example.com", password: "unrelated and fine 2718" };
    expect((await signUp(env.app, other)).status).toBe(302);
    expect((await logIn(env.app.newBrowser(), other)).status).toBe(302);
  });

  it("holds across two app instances sharing the database, because the count lives in PostgreSQL", async () => {
    const email = "spread@example.com";
    const instances = [env.app, twin];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const instance = instances[attempt % 2]!;
      expect((await logIn(instance.newBrowser(), { email, password: `guess ${attempt} of many` })).status).toBe(400);
    }
    for (const instance of instances) {
      const refused = await logIn(instance.newBrowser(), { email, password: "guess eleven of many" });
      expect(refused.status).toBe(429);
      retryAfter(visibleText(await refused.text()));
    }
    const row = await env.db
      .selectFrom("rate_limits")
      .select("hits")
      .where("bucket", "=", "login:account")
      .where("subject", "=", fingerprint(env.app.config.sessionSecret, email))
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(12);
  });

  it("keeps the counted email only as a keyed fingerprint", async () => {
    const { rows } = await sql<{ row: string }>`select r::text as row from rate_limits r`.execute(env.db);
    expect(rows.length).toBeGreaterThan(0);
    const table = rows.map((r) => r.row).join("\n");
    for (const value of ["target@example.com", "spread@example.com", "127.0.0.1"]) expect(table).not.toContain(value);
  });

  it("limits password-reset requests per email, with the same answer as any other refusal", async () => {
    const email = "forgetful@example.com";
    for (let request = 1; request <= 3; request++) {
      expect((await env.app.newBrowser().postForm("/forgot-password", { email })).status).toBe(200);
    }
    const refused = await twin.newBrowser().postForm("/forgot-password", { email });
    expect(refused.status).toBe(429);
    const seconds = retryAfter(visibleText(await refused.text()));
    expect(seconds).toBeGreaterThan(15 * 60);
    expect(seconds).toBeLessThanOrEqual(60 * 60);

    expect((await env.app.newBrowser().postForm("/forgot-password", { email: "someone-else@example.com" })).status).toBe(200);
  });
});
