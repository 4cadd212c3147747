import bcrypt from "bcrypt";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { confirmEmail, fieldErrors, linkFromEmail, logIn, signedInUser, signUp, type Browser } from "../../server/testing";
import { POLICY_VERSION } from "./policies";

// bcrypt reads only the first 72 bytes of a password (UTF-8 bytes, not characters) and ignores the
// rest: a longer password would be accepted and then silently cut. Every place a password is set
// refuses it instead, and no login compares a cut one.

const env = setUpTestApp();

const TOO_LONG = "Use at most 72 bytes: letters without accents and digits count 1 each, accented letters 2, € and most emoji 3 or 4.";
const LONGER_THAN_ACCEPTED = "This password is longer than the 72 bytes Bearing accepts. If you chose it before that limit, set a new one with “Forgot password?”.";

/** 55 characters, exactly 72 bytes in UTF-8, and strong enough for zxcvbn. */
const EXACTLY_72_BYTES = "Žluťoučký kůň úpěl ďábelské ódy nad hřebčínem, Praha 1€";
/** Over 72 bytes while well under the 128 characters the forms always allowed. */
const OVER_72_BYTES = {
  "30 × é€ (60 characters, 150 bytes)": "é€".repeat(30),
  "accented German (70 characters, 84 bytes)": "Grüße aus Zürich: Bärenhöhle, Straßenbahn & Größenwahn — Ölmühle 2024€",
  "plain ASCII (73 characters)": "quartz lighthouse sonnet 1897 tangerine-harbour-velocity-mosaic-pelican-9",
};

const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const userRow = (email: string) => env.db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();

describe("passwords longer than bcrypt's 72 bytes", () => {
  it("the test passwords are what their names say", () => {
    expect(bytes(EXACTLY_72_BYTES)).toBe(72);
    for (const password of Object.values(OVER_72_BYTES)) {
      expect(bytes(password)).toBeGreaterThan(72);
      expect(password.length).toBeLessThanOrEqual(128);
    }
  });

  it.each(Object.entries(OVER_72_BYTES))("sign-up refuses %s with a field message, and creates no account", async (_what, password) => {
    const email = `long-${bytes(password)}@example.com`;
    const response = await signUp(env.app.newBrowser(), { name: "Lena Long", email, password });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "password")).toEqual([TOO_LONG]);
    expect(html).not.toContain(password);
    expect(await userRow(email)).toBeUndefined();
  });

  it("sign-up takes exactly 72 bytes, and a longer password that starts with those 72 bytes does not open the account", async () => {
    const user = { name: "Petra Exact", email: "petra@example.com", password: EXACTLY_72_BYTES };
    const browser = env.app.newBrowser();
    const since = Date.now();
    expect((await signUp(browser, user)).status).toBe(302);
    expect((await confirmEmail(env.app, browser, user.email, since)).response.status).toBe(302);

    expect((await logIn(env.app.newBrowser(), user)).status).toBe(302);
    for (const tail of ["€", " and anything else"]) {
      const longer = await logIn(env.app.newBrowser(), { ...user, password: user.password + tail });
      expect(longer.status).toBe(400);
      expect(longer.headers.get("set-cookie") ?? "").not.toContain("bearing_session=");
    }
  });

  it("a password reset refuses a new password over 72 bytes, and the link still works for a shorter one", async () => {
    const user = { name: "Rita Reset", email: "rita@example.com", password: "quiet orchard 1907 lantern" };
    await signedInUser(env.app, user);
    const since = Date.now();
    await env.app.newBrowser().postForm("/forgot-password", { email: user.email });
    const { path, token } = await linkFromEmail(env.app, user.email, /Reset your Bearing password/, "/reset-password", since);

    const browser = env.app.newBrowser();
    const refused = await browser.postForm(path, { token, password: OVER_72_BYTES["accented German (70 characters, 84 bytes)"] });
    expect(refused.status).toBe(400);
    expect(fieldErrors(await refused.text(), "password")).toEqual([TOO_LONG]);
    expect((await logIn(env.app.newBrowser(), user)).status).toBe(302);

    expect((await browser.postForm(path, { token, password: EXACTLY_72_BYTES })).status).toBe(302);
    expect((await logIn(env.app.newBrowser(), { ...user, password: EXACTLY_72_BYTES })).status).toBe(302);
  });

  it("Settings → Security refuses a new password over 72 bytes, and keeps the old one", async () => {
    const user = { name: "Cora Change", email: "cora@example.com", password: "copper kettle 1931 meadow" };
    const browser: Browser = await signedInUser(env.app, user);
    const before = (await userRow(user.email))?.password_hash;
    const response = await browser.postForm("/settings/security", { intent: "change-password", currentPassword: user.password, newPassword: "é€".repeat(30) });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "newPassword")).toEqual([TOO_LONG]);
    expect((await userRow(user.email))?.password_hash).toBe(before);
  });

  it("an account whose password was set over 72 bytes before the limit is told to choose a new one, and is not opened by it", async () => {
    const password = OVER_72_BYTES["accented German (70 characters, 84 bytes)"];
    const email = "olaf@example.com";
    const now = new Date();
    // As sign-up stored it before the limit: bcrypt, cost 12, of a password it then cut at 72 bytes.
    await env.db
      .insertInto("users")
      .values({ name: "Olaf Older", email, password_hash: await bcrypt.hash(password, 12), email_verified_at: now, age_confirmed_at: now, policies_accepted_at: now, policy_version: POLICY_VERSION })
      .execute();

    const browser = env.app.newBrowser();
    const response = await logIn(browser, { email, password });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "password")).toEqual([LONGER_THAN_ACCEPTED]);
    expect(browser.cookies.has("bearing_session")).toBe(false);
    // The same answer for an address with no account: it says nothing about who has one.
    const nobody = await logIn(env.app.newBrowser(), { email: "nobody-long@example.com", password });
    expect(fieldErrors(await nobody.text(), "password")).toEqual([LONGER_THAN_ACCEPTED]);
  });
});
