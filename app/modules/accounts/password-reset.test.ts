import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { linkFromEmail, logIn, signedInUser, visibleText, withoutNonces, type Browser } from "../../server/testing";

const env = setUpTestApp();
let user: { name: string; email: string; password: string };
let sessionBeforeReset: Browser;

beforeAll(async () => {
  user = { name: "Hedy Lamarr", email: "hedy@example.com", password: "frequency hopping 1942 piano" };
  sessionBeforeReset = await signedInUser(env.app, user);
});
const DEAD_LINK = "This reset link has expired or was already used. Ask for a new one.";

async function requestResetLink() {
  const since = Date.now();
  const response = await env.app.newBrowser().postForm("/forgot-password", { email: user.email });
  expect(response.status).toBe(200);
  return linkFromEmail(env.app, user.email, /Reset your Bearing password/, "/reset-password", since);
}

async function signedIn(browser: Browser) {
  return (await browser.request("/w/new")).status === 200;
}

describe("password reset", () => {
  it("answers the same for an existing and an unknown email, and mails only the existing one", async () => {
    const unknown = "nobody-here@example.com";
    const since = Date.now();
    const forUnknown = await env.app.newBrowser().postForm("/forgot-password", { email: unknown });
    const forExisting = await env.app.newBrowser().postForm("/forgot-password", { email: user.email });

    expect(forExisting.status).toBe(200);
    expect(forUnknown.status).toBe(forExisting.status);
    const [unknownPage, existingPage] = [withoutNonces(await forUnknown.text()), withoutNonces(await forExisting.text())];
    expect(visibleText(existingPage)).toContain("If an account exists for that email, a reset link is on its way.");
    expect(unknownPage).toBe(existingPage);

    // The unknown address was asked for first; by the time the known one's email is in, its turn has passed.
    const email = await env.app.mailbox.waitFor(user.email, { subject: /Reset your Bearing password/, since });
    expect(email.text).toContain("expires in 1 hour");
    expect(env.app.mailbox.messages.filter((m) => m.to.includes(unknown))).toEqual([]);
  });

  it("sets the new password, ends every session, and works only once", async () => {
    expect(await signedIn(sessionBeforeReset)).toBe(true);
    const { path, token } = await requestResetLink();

    const browser = env.app.newBrowser();
    const form = await browser.request(path);
    expect(form.status).toBe(200);
    expect(visibleText(await form.text())).toContain("Choose a new password");

    const newPassword = "magnetic torpedo 1941 antheil";
    const reset = await browser.postForm(path, { token, password: newPassword });
    expect(reset.status).toBe(302);
    expect(reset.headers.get("location")).toBe("/login?notice=reset");

    expect(await signedIn(sessionBeforeReset)).toBe(false);
    const { id } = await env.db.selectFrom("users").select("id").where("email", "=", user.email).executeTakeFirstOrThrow();
    expect(await env.db.selectFrom("sessions").select("id").where("user_id", "=", id).execute()).toEqual([]);

    expect((await logIn(env.app.newBrowser(), user)).status).toBe(400);
    user = { ...user, password: newPassword };
    const login = await logIn(env.app.newBrowser(), user);
    expect(login.status).toBe(302);

    const second = await env.app.newBrowser().postForm(path, { token, password: "another fresh password 2024" });
    expect(second.status).toBe(410);
    expect(visibleText(await second.text())).toContain(DEAD_LINK);
    expect(visibleText(await (await env.app.newBrowser().request(path)).text())).toContain(DEAD_LINK);
    expect((await logIn(env.app.newBrowser(), user)).status).toBe(302);
  });

  // Three reset emails an hour per account (the rate limit): this test reuses one link for both checks.
  it("refuses a weak new password with a reason, and expires the link after 1 hour", async () => {
    const { path, token } = await requestResetLink();
    const weak = await env.app.newBrowser().postForm(path, { token, password: "password1234" });
    expect(weak.status).toBe(400);
    expect(visibleText(await weak.text())).toMatch(/common/i);
    expect(visibleText(await (await env.app.newBrowser().request(path)).text())).toContain("Choose a new password");

    const row = await env.db
      .selectFrom("email_tokens")
      .selectAll()
      .where("purpose", "=", "reset_password")
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    expect(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 60_000)).toBe(60);

    await env.db.updateTable("email_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", row.id).execute();
    expect(visibleText(await (await env.app.newBrowser().request(path)).text())).toContain(DEAD_LINK);
    const attempt = await env.app.newBrowser().postForm(path, { token, password: "too late for this 1 hour" });
    expect(attempt.status).toBe(410);
    expect((await logIn(env.app.newBrowser(), user)).status).toBe(302);
  });
});
