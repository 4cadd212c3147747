import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { linkFromEmail, logIn, signedInUser, startTestApp, visibleText, withoutNonces, type Browser, type TestApp } from "../../server/testing";

let database: TestDatabase;
let app: TestApp;
let user: { name: string; email: string; password: string };
let sessionBeforeReset: Browser;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startTestApp({ db: database.db });
  user = { name: "Hedy Lamarr", email: "hedy@example.com", password: "frequency hopping 1942 piano" };
  sessionBeforeReset = await signedInUser(app, user);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const DEAD_LINK = "This reset link has expired or was already used. Ask for a new one.";

async function requestResetLink() {
  const since = Date.now();
  const response = await app.newBrowser().postForm("/forgot-password", { email: user.email });
  expect(response.status).toBe(200);
  return linkFromEmail(app, user.email, /Reset your Bearing password/, "/reset-password", since);
}

async function signedIn(browser: Browser) {
  return (await browser.request("/w/new")).status === 200;
}

describe("password reset", () => {
  it("answers the same for an existing and an unknown email, and mails only the existing one", async () => {
    const unknown = "nobody-here@example.com";
    const since = Date.now();
    const forUnknown = await app.newBrowser().postForm("/forgot-password", { email: unknown });
    const forExisting = await app.newBrowser().postForm("/forgot-password", { email: user.email });

    expect(forExisting.status).toBe(200);
    expect(forUnknown.status).toBe(forExisting.status);
    const [unknownPage, existingPage] = [withoutNonces(await forUnknown.text()), withoutNonces(await forExisting.text())];
    expect(visibleText(existingPage)).toContain("If an account exists for that email, a reset link is on its way.");
    expect(unknownPage).toBe(existingPage);

    // The unknown address was asked for first; by the time the known one's email is in, its turn has passed.
    const email = await app.mailbox.waitFor(user.email, { subject: /Reset your Bearing password/, since });
    expect(email.text).toContain("expires in 1 hour");
    expect(app.mailbox.messages.filter((m) => m.to.includes(unknown))).toEqual([]);
  });

  it("sets the new password, ends every session, and works only once", async () => {
    expect(await signedIn(sessionBeforeReset)).toBe(true);
    const { path, token } = await requestResetLink();

    const browser = app.newBrowser();
    const form = await browser.request(path);
    expect(form.status).toBe(200);
    expect(visibleText(await form.text())).toContain("Choose a new password");

    const newPassword = "magnetic torpedo 1941 antheil";
    const reset = await browser.postForm(path, { token, password: newPassword });
    expect(reset.status).toBe(302);
    expect(reset.headers.get("location")).toBe("/login?notice=reset");

    expect(await signedIn(sessionBeforeReset)).toBe(false);
    const { id } = await database.db.selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirstOrThrow();
    expect(await database.db.selectFrom("sessions").select("id").where("user_id", "=", id).execute()).toEqual([]);

    expect((await logIn(app.newBrowser(), user)).status).toBe(400);
    user = { ...user, password: newPassword };
    const login = await logIn(app.newBrowser(), user);
    expect(login.status).toBe(302);

    const second = await app.newBrowser().postForm(path, { token, password: "another fresh password 2024" });
    expect(second.status).toBe(410);
    expect(visibleText(await second.text())).toContain(DEAD_LINK);
    expect(visibleText(await (await app.newBrowser().request(path)).text())).toContain(DEAD_LINK);
    expect((await logIn(app.newBrowser(), user)).status).toBe(302);
  });

  // Three reset emails an hour per account (the rate limit): this test reuses one link for both checks.
  it("refuses a weak new password with a reason, and expires the link after 1 hour", async () => {
    const { path, token } = await requestResetLink();
    const weak = await app.newBrowser().postForm(path, { token, password: "password1234" });
    expect(weak.status).toBe(400);
    expect(visibleText(await weak.text())).toMatch(/common/i);
    expect(visibleText(await (await app.newBrowser().request(path)).text())).toContain("Choose a new password");

    const row = await database.db
      .selectFrom("email_tokens")
      .selectAll()
      .where("purpose", "=", "reset_password")
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 60_000)).toBe(60);

    await database.db.updateTable("email_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", row.id).execute();
    expect(visibleText(await (await app.newBrowser().request(path)).text())).toContain(DEAD_LINK);
    const attempt = await app.newBrowser().postForm(path, { token, password: "too late for this 1 hour" });
    expect(attempt.status).toBe(410);
    expect((await logIn(app.newBrowser(), user)).status).toBe(302);
  });
});
