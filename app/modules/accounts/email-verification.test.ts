import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { linkFromEmail, signUp, visibleText, type TestUser } from "../../server/testing";

const env = setUpTestApp();
const userRow = (email: string) => env.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();

/** Signs up in a fresh browser and returns the verification link that arrives over SMTP. */
async function signUpAndReceiveLink(user: TestUser) {
  const browser = env.app.newBrowser();
  const since = Date.now();
  const response = await signUp(browser, user);
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/verify-email?sent=1");
  const { email, path, token } = await linkFromEmail(env.app, user.email, /Confirm your email/, "/verify-email", since);
  return { browser, email, path, token };
}

const DEAD_LINK = "This link has expired or was already used.";

describe("email verification over SMTP", () => {
  it("sends a single-use link that signs the user in and marks the email verified", async () => {
    const user = { name: "Mary Jackson", email: "mary@example.com", password: "wind tunnel 1958 hampton" };
    const { browser, email, path, token } = await signUpAndReceiveLink(user);
    expect(email.subject).toBe("Confirm your email for Bearing");
    expect(email.text).toContain("expires in 24 hours");
    expect(path).toBe(`/verify-email?token=${token}`);

    // Not signed in and not verified until the link is used.
    expect((await browser.request("/w/new")).headers.get("location")).toMatch(/^\/login/);
    expect((await userRow(user.email)).email_verified_at).toBeNull();

    // Opening the link (as a mail scanner would) only shows a button; it uses nothing up.
    for (let i = 0; i < 2; i++) {
      const page = await browser.request(path);
      expect(page.status).toBe(200);
      expect(visibleText(await page.text())).toContain("Confirm my email");
    }
    const confirm = await browser.postForm(path, { token, redirectTo: "/" });
    expect(confirm.status).toBe(302);
    expect(confirm.headers.getSetCookie()).toHaveLength(1);
    expect((await userRow(user.email)).email_verified_at).toBeInstanceOf(Date);
    expect((await browser.request("/w/new")).status).toBe(200);

    const again = await env.app.newBrowser().postForm(path, { token, redirectTo: "/" });
    expect(again.status).toBe(200);
    expect(again.headers.getSetCookie()).toEqual([]);
    expect(visibleText(await again.text())).toContain(DEAD_LINK);
  });

  it("refuses a link past its expiry, leaving the email unverified", async () => {
    const user = { name: "Christine Darden", email: "christine@example.com", password: "sonic boom 1967 langley" };
    const { browser, path, token } = await signUpAndReceiveLink(user);
    const { id } = await userRow(user.email);
    const row = await env.db.selectFrom("email_tokens").selectAll().where("user_id", "=", id).executeTakeFirstOrThrow();
    expect(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 60_000)).toBe(24 * 60);
    await env.db.updateTable("email_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("user_id", "=", id).execute();

    const confirm = await browser.postForm(path, { token, redirectTo: "/" });
    expect(confirm.status).toBe(200);
    expect(confirm.headers.getSetCookie()).toEqual([]);
    expect(visibleText(await confirm.text())).toContain(DEAD_LINK);
    expect((await userRow(user.email)).email_verified_at).toBeNull();
  });

  it("refuses a made-up token", async () => {
    const response = await env.app.newBrowser().postForm("/verify-email?token=madeup", { token: "madeup", redirectTo: "/" });
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(visibleText(await response.text())).toContain(DEAD_LINK);
  });

  it("stores the token only as a hash", async () => {
    const user = { name: "Annie Easley", email: "annie@example.com", password: "centaur rocket 1977 cleveland" };
    const { token } = await signUpAndReceiveLink(user);
    const { rows } = await sql<{ row: string }>`select t::text as row from email_tokens t`.execute(env.db);
    expect(rows.length).toBeGreaterThan(0);
    for (const { row } of rows) expect(row).not.toContain(token);
  });
});
