import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { confirmEmail, linkFromEmail, logIn, signUp, visibleText, type Browser } from "../../server/testing";
import { linkIdentity } from "../../services/oauth/accounts.server";
import { continueWith, holdsSession, sessionUserId, setUpOAuthTestApp, squattedAccount, squatterHoldings } from "../../services/oauth/testing";
import { enableTwoFactor } from "../../services/two-factor/setup.server";
import { codeAt, currentStep } from "../../services/two-factor/testing";
import { encryptTotpKey } from "../../services/two-factor/totp-key.server";
import { sectionText, SECURITY_PAGE } from "./security/security-page.testing";

// Issue 12 item 1: someone signs up with another person's address and never confirms it. They may
// not link a provider or turn on two-factor authentication; and when the owner proves the address
// (a password reset here; a verified Google or Microsoft sign-in in app/routes/auth.sign-in.test.ts),
// whatever the squatter set up goes.

const env = setUpOAuthTestApp();

const CONFIRM_TO_LINK = "Confirm your email address to link Google or Microsoft.";
const CONFIRM_FOR_TWO_FACTOR = "Confirm your email address to turn on two-factor authentication.";

/** Signed up with the password form, logged in, never confirmed. */
async function unconfirmedAccount(email: string): Promise<{ id: string; browser: Browser; password: string }> {
  const person = { name: "Una Confirmed", email, password: "not yet confirmed 2024 kite" };
  expect((await signUp(env.app.newBrowser(), person)).status).toBe(302);
  const browser = env.app.newBrowser();
  expect((await logIn(browser, person)).status).toBe(302);
  const { id } = await env.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return { id, browser, password: person.password };
}

describe("account pre-hijacking: what an unconfirmed account cannot do", () => {
  it("linking a provider needs a confirmed email: refused before the provider is asked, and by the link itself", async () => {
    const { id, browser } = await unconfirmedAccount("link-squat@example.com");
    for (const provider of ["google", "microsoft"] as const) {
      const response = await browser.request(`/auth/${provider}?link=1`);
      expect(response.status).toBe(403);
      expect(response.headers.get("location")).toBeNull();
      const text = visibleText(await response.text());
      expect(text).toContain("Confirm your email address first");
      expect(text).toContain(`Linking ${provider === "google" ? "Google" : "Microsoft"} needs a confirmed email address.`);
      expect(text).toContain("link-squat@example.com");
      expect(text).toContain("Send a new link");
    }
    const refusal = await linkIdentity(env.db, id, { provider: "google", subject: "google-squatter", email: "squatter@gmail.example", emailVerified: true, name: "Squatter", avatarUrl: null });
    expect(refusal).toMatchObject({ kind: "refused", title: "Confirm your email address first" });
    expect((await squatterHoldings(env.db, id)).identities).toEqual([]);
  });

  it("two-factor authentication needs a confirmed email: neither a new setup nor a confirmation is accepted", async () => {
    const { id, browser } = await unconfirmedAccount("totp-squat@example.com");
    const start = await browser.postForm(SECURITY_PAGE, { intent: "two-factor-start" });
    expect(start.status).toBe(403);
    expect(sectionText(await start.text(), "Two-factor authentication")).toContain(CONFIRM_FOR_TWO_FACTOR);
    expect(await squatterHoldings(env.db, id)).toMatchObject({ totpKey: false, twoFactorOn: false });

    // A setup begun before this rule: a code from its key still does not turn two-factor on.
    const key = decodeBase32IgnorePadding("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    await env.db.updateTable("users").set({ totp_key: encryptTotpKey(env.app.config.encryptionMasterKey, id, key) }).where("id", "=", id).execute();
    const confirm = await browser.postForm(SECURITY_PAGE, { intent: "two-factor-confirm", code: codeAt(key, currentStep()) });
    expect(confirm.status).toBe(403);
    expect(await squatterHoldings(env.db, id)).toMatchObject({ twoFactorOn: false, recoveryCodes: 0 });
    // Nor for a caller that skips the page's check: the setup itself holds the rule.
    await expect(enableTwoFactor(env.db, id)).rejects.toMatchObject({ status: 403, title: "Confirm your email address first" });
    expect(await squatterHoldings(env.db, id)).toMatchObject({ twoFactorOn: false, recoveryCodes: 0 });
  });

  it("the security page says why linking and two-factor wait for a confirmed email, and sends a new link that lifts both", async () => {
    const email = "explained@example.com";
    const { browser } = await unconfirmedAccount(email);
    const page = await (await browser.request(SECURITY_PAGE)).text();
    expect(sectionText(page, "Sign-in methods")).toContain(CONFIRM_TO_LINK);
    expect(sectionText(page, "Sign-in methods")).toContain(`Until you open the link we emailed to ${email}, nothing shows that the address is yours`);
    expect(sectionText(page, "Two-factor authentication")).toContain(CONFIRM_FOR_TWO_FACTOR);
    expect(page).not.toContain('href="/auth/google?link=1"');
    expect(visibleText(page)).not.toContain("Set up two-factor authentication");
    expect(page).toMatch(/<form[^>]*action="\/verify-email"/);

    const since = Date.now();
    const resent = await browser.postForm("/verify-email", { intent: "resend" });
    expect(resent.status).toBe(200);
    expect(visibleText(await resent.text())).toContain("We sent a new link.");
    await confirmEmail(env.app, browser, email, since);

    const confirmed = await (await browser.request(SECURITY_PAGE)).text();
    expect(confirmed).toContain('href="/auth/google?link=1"');
    expect(visibleText(confirmed)).toContain("Set up two-factor authentication");
    expect(visibleText(confirmed)).not.toContain(CONFIRM_TO_LINK);
  });
});

describe("account pre-hijacking: the owner takes the account back", () => {
  it("a reset takes an unconfirmed account away from whoever set its password: their linked identities, two-factor key, recovery codes and sessions go too", async () => {
    const email = "address-owner@example.com";
    const squatted = await squattedAccount(env, email);
    expect(await squatterHoldings(env.db, squatted.id)).toMatchObject({ identities: [squatted.google.sub], twoFactorOn: true, recoveryCodes: 10, sessions: 1 });

    const since = Date.now();
    await env.app.newBrowser().postForm("/forgot-password", { email });
    const { path, token } = await linkFromEmail(env.app, email, /Reset your Bearing password/, "/reset-password", since);
    const newPassword = "the real owner 1985 lighthouse";
    expect((await env.app.newBrowser().postForm(path, { token, password: newPassword })).status).toBe(302);

    expect(await squatterHoldings(env.db, squatted.id)).toEqual({
      identities: [],
      totpKey: false,
      twoFactorOn: false,
      totpLastStep: null,
      recoveryCodes: 0,
      sessions: 0,
      aiEndpoints: [],
    });
    const { email_verified_at } = await env.db.selectFrom("users").select("email_verified_at").where("id", "=", squatted.id).executeTakeFirstOrThrow();
    expect(email_verified_at).toBeInstanceOf(Date);
    expect(await holdsSession(env.db, squatted.browser)).toBe(false);
    expect((await logIn(env.app.newBrowser(), squatted)).status).toBe(400);

    // The squatter's "Continue with Google" opens nothing of the owner's: to us it is a newcomer.
    env.provider.setUser(squatted.google);
    const squatterAgain = env.app.newBrowser();
    const again = await (await continueWith(squatterAgain, "google")).callback();
    expect(again.headers.get("location")).toMatch(/^\/auth\/confirm/);
    expect(await sessionUserId(env.db, squatterAgain)).toBeNull();

    // The owner logs in with the new password, and no second factor is asked.
    const login = await logIn(env.app.newBrowser(), { email, password: newPassword });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/");

    // The owner's own Google account signs in to the account, now that the address is proven.
    env.provider.setUser({ sub: "google-address-owner", email, emailVerified: true, name: "Address Owner" });
    const ownersGoogle = env.app.newBrowser();
    expect((await (await continueWith(ownersGoogle, "google")).callback()).status).toBe(302);
    expect(await sessionUserId(env.db, ownersGoogle)).toBe(squatted.id);
    expect((await squatterHoldings(env.db, squatted.id)).identities).toEqual(["google-address-owner"]);
  });
});
