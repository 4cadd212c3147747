import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import { fieldErrors, logIn, signedInUser, visibleText, type Browser, type TestUser } from "../../../server/testing";
import { anotherSession, isSignedIn, logInFrom, sectionText, SECURITY_PAGE, seedPerson, USER_AGENTS } from "./security-page.testing";

const env = setUpTestApp();

const changePassword = (browser: Browser, fields: { currentPassword?: string; newPassword: string }) =>
  browser.postForm(SECURITY_PAGE, { intent: "change-password", ...fields });

async function passwordHash(email: string) {
  const row = await env.db.selectFrom("users").select("password_hash").where("email", "=", email).executeTakeFirstOrThrow();
  return row.password_hash;
}

describe("Settings → Security: password", () => {
  let ada: TestUser;
  let here: Browser;
  let elsewhere: Browser;

  beforeAll(async () => {
    ada = { name: "Augusta Byron", email: "ada@example.com", password: "analytical engine 1843 notes" };
    here = await signedInUser(env.app, ada);
    elsewhere = await logInFrom(env.app, ada, USER_AGENTS.firefoxOnLinux);
  });

  it("refuses a wrong current password with a field error, and changes nothing", async () => {
    const before = await passwordHash(ada.email);
    const response = await changePassword(here, { currentPassword: "not my password at all 99", newPassword: "difference engine 1822 gears" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "currentPassword")).toEqual(["That is not your current password."]);
    expect(html).not.toContain("not my password at all 99");
    expect(html).not.toContain("difference engine 1822 gears");
    expect(await passwordHash(ada.email)).toBe(before);
    expect(await isSignedIn(elsewhere)).toBe(true);
  });

  it("refuses a weak new password with the reason, keeps the form, and never sends a password back", async () => {
    const before = await passwordHash(ada.email);
    const response = await changePassword(here, { currentPassword: ada.password, newPassword: "password1234" });
    expect(response.status).toBe(400);
    const html = await response.text();
    const [reason, ...more] = fieldErrors(html, "newPassword");
    expect(reason).toMatch(/common/i);
    expect(more).toEqual([]);
    expect(fieldErrors(html, "currentPassword")).toEqual([]);
    expect(sectionText(html, "Password")).toContain("Current password");
    expect(html).not.toContain(ada.password);
    expect(html).not.toContain("password1234");
    expect(await passwordHash(ada.email)).toBe(before);

    // The person's own name is as guessable as a common word, as at sign-up.
    const ownName = await changePassword(here, { currentPassword: ada.password, newPassword: "augustabyron" });
    expect(fieldErrors(await ownName.text(), "newPassword")[0]).toMatch(/personal/);
  });

  it("changes the password (bcrypt, cost 12), signs out every other session and keeps this one", async () => {
    const newPassword = "lovelace bernoulli numbers 1842";
    const response = await changePassword(here, { currentPassword: ada.password, newPassword });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(sectionText(html, "Password")).toContain("Your password was changed. You were signed out on every other device (1 session); this one stays signed in.");
    expect(html).not.toContain(newPassword);
    expect(await passwordHash(ada.email)).toMatch(/^\$2b\$12\$/);

    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await isSignedIn(here)).toBe(true);
    expect((await logIn(env.app.newBrowser(), ada)).status).toBe(400);
    ada = { ...ada, password: newPassword };
    expect((await logIn(env.app.newBrowser(), ada)).status).toBe(302);
  });

  it("stops guessing the current password after as many tries as login allows", async () => {
    const grace = { name: "Grace Hopper", email: "grace@example.com", password: "cobol compiler 1959 moth" };
    const { browser } = await seedPerson(env.app, env.db, grace);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) {
      const response = await changePassword(browser, { currentPassword: `guess number ${attempt} for grace`, newPassword: "nanosecond wire 11.8 inches" });
      statuses.push(response.status);
      if (response.status === 429) expect(visibleText(await response.text())).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    // Even the right password waits now, like the login form.
    expect((await changePassword(browser, { currentPassword: grace.password, newPassword: "nanosecond wire 11.8 inches" })).status).toBe(429);
    expect((await logIn(env.app.newBrowser(), grace)).status).toBe(429);
  });
});

describe("Settings → Security: a first password for an account made with a provider", () => {
  it("offers \"Set a password\" without a current password, then logging in with it works", async () => {
    const alan = { name: "Alan Turing", email: "alan@example.com" };
    const { id, browser } = await seedPerson(env.app, env.db, { ...alan, identities: ["google"] });
    const phone = await anotherSession(env.app, env.db, id, USER_AGENTS.safariOnIphone);
    const someoneElse = await seedPerson(env.app, env.db, { name: "Joan Clarke", email: "joan@example.com" });

    const page = await (await browser.request(SECURITY_PAGE)).text();
    const section = sectionText(page, "Password");
    expect(section).toContain("Set a password");
    expect(section).not.toContain("Current password");

    const password = "bombe enigma 1940 bletchley";
    const response = await changePassword(browser, { newPassword: password });
    expect(response.status).toBe(200);
    expect(sectionText(await response.text(), "Password")).toContain(
      "Your password is set: you can now log in with your email and password. You were signed out on every other device (1 session); this one stays signed in.",
    );
    expect((await logIn(env.app.newBrowser(), { email: alan.email, password })).status).toBe(302);
    expect(sectionText(await (await browser.request(SECURITY_PAGE)).text(), "Password")).toContain("Current password");
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(browser)).toBe(true);
    expect(await isSignedIn(someoneElse.browser)).toBe(true);
  });
});
