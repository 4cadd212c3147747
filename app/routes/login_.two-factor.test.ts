import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../server/test-context";
import { createWorkspaceAs, fieldErrors, logIn, signedInUser, visibleText, type Browser } from "../server/testing";
import { codeAt, passwordStep, userWithTwoFactor, wrongCode } from "../services/two-factor/testing";

const env = setUpTestApp();

const sessionCookieHeader = (response: Response) => response.headers.getSetCookie().find((h) => h.startsWith("bearing_session="))!;
const minutesUntilExpiry = (header: string) => (Date.parse(header.match(/Expires=([^;]+)/)![1]!) - Date.now()) / 60_000;

/** Whether this browser's session opens a page that needs a full session. */
async function signedIn(browser: Browser): Promise<boolean> {
  const response = await browser.request("/w/new");
  if (response.status === 200) return true;
  expect(response.headers.get("location")).toMatch(/^\/login/);
  return false;
}

const submitCode = (browser: Browser, code: string, redirectTo = "/") => browser.postForm("/login/two-factor", { code, redirectTo });
/** Opens "Use a recovery code" and submits its form where the page's form posts it (no JavaScript). */
async function submitRecoveryCode(browser: Browser, recoveryCode: string) {
  const page = await (await browser.request("/login/two-factor?method=recovery&redirectTo=%2F")).text();
  const action = page.match(/<form method="post" action="([^"]+)"[^>]*>(?:(?!<\/form>)[\s\S])*name="recoveryCode"/)?.[1];
  expect(action).toBeDefined();
  return browser.postForm(action!.replace(/&amp;/g, "&"), { method: "recovery", recoveryCode, redirectTo: "/" });
}

describe("two-factor authentication at sign-in", () => {
  it("asks for a code after the password once it is on, and signs in only with a right one", async () => {
    const user = await userWithTwoFactor(env.app, "Grace Hopper");
    const browser = await passwordStep(env.app, user);
    expect(await signedIn(browser)).toBe(false);

    const page = await browser.request("/login/two-factor?redirectTo=%2F");
    expect(page.status).toBe(200);
    const text = visibleText(await page.text());
    expect(text).toContain("Authentication code");
    expect(text).toContain("Use a recovery code");

    const wrong = await submitCode(browser, wrongCode(user.key));
    expect(wrong.status).toBe(400);
    expect(fieldErrors(await wrong.text(), "code")).toEqual(["That code is not valid. Check the code in your authenticator app and try again."]);
    expect(fieldErrors(await (await submitCode(browser, "12ab")).text(), "code")).toEqual(["Enter the 6-digit code from your authenticator app."]);
    expect(await signedIn(browser)).toBe(false);

    const right = await submitCode(browser, codeAt(user.key, user.confirmedStep + 1), "/settings/security");
    expect(right.status).toBe(302);
    expect(right.headers.get("location")).toBe("/settings/security");
    expect(Math.round(minutesUntilExpiry(sessionCookieHeader(right)) / 1440)).toBe(30);
    expect(await signedIn(browser)).toBe(true);
  });

  it("a 2FA code cannot be replayed, on another login or after a later one was used", async () => {
    const user = await userWithTwoFactor(env.app, "Katherine Johnson");
    const code = codeAt(user.key, user.confirmedStep + 1);
    expect((await submitCode(await passwordStep(env.app, user), code)).status).toBe(302);

    const attacker = await passwordStep(env.app, user);
    const replay = await submitCode(attacker, code);
    expect(replay.status).toBe(400);
    expect(fieldErrors(await replay.text(), "code")).toEqual(["That code was already used. Wait for the next code in your authenticator app."]);
    // The code that confirmed the setup is older than the last one used: refused as well.
    expect((await submitCode(attacker, codeAt(user.key, user.confirmedStep))).status).toBe(400);
    expect(await signedIn(attacker)).toBe(false);
  });

  it("a recovery code signs in once, then is refused", async () => {
    const user = await userWithTwoFactor(env.app, "Dorothy Vaughan");
    const browser = await passwordStep(env.app, user);
    const page = visibleText(await (await browser.request("/login/two-factor?method=recovery&redirectTo=%2F")).text());
    expect(page).toContain("Recovery code");
    expect(page).toContain("Use your authenticator app");
    expect((await submitRecoveryCode(browser, user.recoveryCodes[0]!)).status).toBe(302);
    expect(await signedIn(browser)).toBe(true);

    const again = await passwordStep(env.app, user);
    const reused = await submitRecoveryCode(again, user.recoveryCodes[0]!);
    expect(reused.status).toBe(400);
    expect(fieldErrors(await reused.text(), "recoveryCode")).toEqual(["That recovery code is not valid, or it was already used."]);
    // Typed in capitals without the dashes, another code still works.
    expect((await submitRecoveryCode(again, user.recoveryCodes[1]!.replace(/-/g, "").toUpperCase())).status).toBe(302);
  });

  it("a session waiting for its second factor opens no workspace or settings page, and expires in minutes", async () => {
    const user = await userWithTwoFactor(env.app, "Mary Jackson");
    const slug = await createWorkspaceAs(user.browser, "Langley");
    const browser = env.app.newBrowser();
    const login = await logIn(browser, user);
    expect(minutesUntilExpiry(sessionCookieHeader(login))).toBeLessThanOrEqual(10);

    const pages = [`/w/${slug}`, `/w/${slug}/risks`, `/w/${slug}/settings/members`, `/w/${slug}/export.json`, "/w/new", "/settings/account", "/settings/security"];
    for (const path of pages) {
      const response = await browser.request(path);
      expect({ path, status: response.status }).toEqual({ path, status: 302 });
      expect(response.headers.get("location")).toBe(`/login/two-factor?redirectTo=${encodeURIComponent(path)}`);
    }
    const post = await browser.postForm("/w/new", { name: "Made without a second factor" });
    expect(post.headers.get("location")).toMatch(/^\/login\/two-factor/);
    const workspaces = await env.db.selectFrom("workspaces").select("name").where("name", "=", "Made without a second factor").execute();
    expect(workspaces).toEqual([]);
    const disable = await browser.postForm("/settings/security", { intent: "two-factor-disable", code: user.recoveryCodes[0]! });
    expect(disable.headers.get("location")).toMatch(/^\/login\/two-factor/);
    const row = await env.db.selectFrom("users").select("totp_enabled_at").where("email", "=", user.email).executeTakeFirstOrThrow();
    expect(row.totp_enabled_at).not.toBeNull();
  });

  it("cancelling signs the waiting session out", async () => {
    const user = await userWithTwoFactor(env.app, "Annie Easley");
    const browser = await passwordStep(env.app, user);
    const id = browser.cookies.get("bearing_session")!.split(".")[0]!;
    const cancel = await browser.postForm("/logout", {});
    expect(cancel.headers.get("location")).toBe("/login");
    expect(await env.db.selectFrom("sessions").select("id").where("id", "=", id).execute()).toEqual([]);
    expect((await browser.request("/login/two-factor")).headers.get("location")).toMatch(/^\/login\?/);
  });

  it("refuses every code, even the right one, after 5 wrong ones in a session or 10 on the account", async () => {
    const user = await userWithTwoFactor(env.app, "Evelyn Boyd");
    const right = codeAt(user.key, user.confirmedStep + 1);
    const first = await passwordStep(env.app, user);
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await submitCode(first, wrongCode(user.key))).status).toBe(400);
    const limited = await submitCode(first, right);
    expect(limited.status).toBe(429);
    expect(visibleText(await limited.text())).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
    expect(await signedIn(first)).toBe(false);

    // A new login does not start the count again for the account.
    const second = await passwordStep(env.app, user);
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await submitCode(second, wrongCode(user.key))).status).toBe(400);
    const third = await passwordStep(env.app, user);
    expect((await submitRecoveryCode(third, user.recoveryCodes[0]!)).status).toBe(429);
  });

  it("does not ask for a code without two-factor authentication", async () => {
    const user = { name: "Ada Plain", email: "ada.plain@example.com", password: "correct horse battery staple 77" };
    await signedInUser(env.app, user);
    const login = await logIn(env.app.newBrowser(), user);
    expect(login.headers.get("location")).toBe("/");
  });
});
