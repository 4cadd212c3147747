import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { chooserSubject } from "./fakes/oidc/account-chooser";
import { insertUser, uniqueEmail, TEST_PASSWORD } from "./support/seed";
import { expect, linkIn, test } from "./support/fixtures";
import { chooseTheme, shoot } from "./support/screens";

// Issue 5 item 6: Google and Microsoft sign-in against the fake OpenID provider the harness runs
// (e2e/fakes/oidc, with its account chooser standing in for the provider's sign-in page), two-factor
// authentication with a real TOTP code, and ending another session from Settings → Security.

/** Signs in on the fake provider's own page, as the person would on Google's or Microsoft's. */
async function chooseAccount(page: Page, account: { email: string; name: string; verified?: boolean }) {
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  if (account.verified === false) await page.getByLabel("Email verified").uncheck();
  await page.getByRole("button", { name: "Continue" }).click();
}

const currentStep = () => Math.floor(Date.now() / 30_000);

/**
 * The code an authenticator app shows in a 30-second time step. Specs name the step rather than
 * "now", so crossing a step boundary mid-spec changes nothing: the server accepts the steps next to
 * the current one, and refuses any step at or before the last one it accepted.
 */
function authenticatorCode(manualKey: string, step: number): string {
  const key = decodeBase32IgnorePadding(manualKey.replace(/\s+/g, ""));
  return generateHOTP(key, BigInt(step), 6);
}

/** Logs out through the same form post the app's "Log out" button makes. */
async function logOut(page: Page) {
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/logout";
    document.body.append(form);
    form.submit();
  });
  await expect(page).toHaveURL(/\/login/);
}

async function logInWithPassword(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test("a new user signs up with Google: the provider's name and email, then age and policies before the account exists", async ({ page, context, baseURL, db }) => {
  // Privacy promise 6 holds during the round trip too: the session cookie carries the sign-in's state.
  // Every path of our host counts (a cookie limited to /auth would not show under the site's URL).
  const host = new URL(baseURL!).hostname;
  const ourCookies = async () => (await context.cookies()).filter((cookie) => cookie.domain === host).map((cookie) => cookie.name);
  const email = uniqueEmail("google-new");
  await page.goto("/login");
  await page.getByRole("link", { name: "Continue with Google" }).click();
  await expect(page).toHaveTitle("Sign in with Google");
  await chooseAccount(page, { email, name: "Gita Google" });

  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  expect(await ourCookies()).toEqual(["bearing_session"]);
  expect(await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("You must be 16 or older to use Bearing.")).toBeVisible();
  await page.getByLabel("I am 16 or older").check();
  await page.getByLabel("I accept the Terms and the Privacy Policy").check();
  await shoot(page, "oauth-confirm");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();
  expect(await ourCookies()).toEqual(["bearing_session"]);
  const user = await db
    .selectFrom("users")
    .innerJoin("oauth_accounts", "oauth_accounts.user_id", "users.id")
    .select(["users.name", "users.password_hash", "users.email_verified_at", "oauth_accounts.provider"])
    .where("users.email", "=", email)
    .executeTakeFirstOrThrow();
  expect(user).toMatchObject({ name: "Gita Google", password_hash: null, provider: "google" });
  expect(user.email_verified_at).not.toBeNull();
});

test("an existing account links Microsoft from Settings → Security, then signs in with it", async ({ page, db, login }) => {
  const owner = await insertUser(db, { name: "Mira Link", email: uniqueEmail("link-ms") });
  await login(owner);
  await page.goto("/settings/security");
  const methods = page.getByRole("region", { name: "Sign-in methods" });
  await methods.getByRole("link", { name: "Link Microsoft" }).click();
  await expect(page).toHaveTitle("Sign in to your Microsoft account");
  await chooseAccount(page, { email: owner.email, name: "Mira Link" });
  await expect(page.getByRole("region", { name: "Sign-in methods" }).getByRole("button", { name: "Unlink Microsoft" })).toBeVisible();
  await chooseTheme(page, "light");
  await shoot(page, "settings-security");

  await logOut(page);
  await page.getByRole("link", { name: "Continue with Microsoft" }).click();
  await chooseAccount(page, { email: owner.email, name: "Mira Link" });
  await expect(page).not.toHaveURL(/\/login|\/auth\//);
  const sessions = await db.selectFrom("sessions").select("id").where("user_id", "=", owner.id).execute();
  expect(sessions).toHaveLength(1);
});

test("two-factor authentication: set up with the key, then log in with a code, then with a recovery code that works once", async ({ page, db, login }) => {
  const owner = await insertUser(db, { name: "Otto Factor", email: uniqueEmail("totp") });
  await login(owner);
  await page.goto("/settings/security");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await section.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(section.getByRole("img", { name: /QR code/i })).toBeVisible();
  const manualKey = (await section.locator("code").first().textContent())!;
  const setupStep = currentStep();
  await section.getByLabel("Authentication code").fill(authenticatorCode(manualKey, setupStep));
  await section.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  const recoveryCode = (await codes.getByRole("listitem").first().textContent())!.trim();
  await shoot(page, "two-factor-recovery-codes");

  await test.step("the next login asks for a code; the one just used is refused, the next one works", async () => {
    await logOut(page);
    await logInWithPassword(page, owner.email);
    await expect(page).toHaveURL(/\/login\/two-factor/);
    await page.goto("/settings/security");
    await expect(page).toHaveURL(/\/login\/two-factor/);
    await page.getByLabel("Authentication code").fill(authenticatorCode(manualKey, setupStep));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("That code was already used.", { exact: false })).toBeVisible();
    await page.getByLabel("Authentication code").fill(authenticatorCode(manualKey, setupStep + 1));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).not.toHaveURL(/\/login/);
  });

  await test.step("a recovery code signs in once; the second time it is refused", async () => {
    const useRecoveryCode = async () => {
      await logOut(page);
      await logInWithPassword(page, owner.email);
      await page.getByRole("link", { name: "Use a recovery code" }).click();
      await page.getByLabel("Recovery code").fill(recoveryCode);
      await page.getByRole("button", { name: "Continue" }).click();
    };
    await useRecoveryCode();
    await expect(page).not.toHaveURL(/\/login/);
    await useRecoveryCode();
    await expect(page.getByText("That recovery code is not valid, or it was already used.")).toBeVisible();
    await expect(page).toHaveURL(/\/login\/two-factor/);
  });
});

test("signing out another session from Settings → Security ends it there", async ({ page, db, login, browser }) => {
  const owner = await insertUser(db, { name: "Sol Sessions", email: uniqueEmail("sessions") });
  await login(owner);
  const laptop = await browser.newContext();
  await login(owner, laptop);
  const other = await laptop.newPage();
  await other.goto("/settings/account");
  await expect(other.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

  await page.goto("/settings/security");
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.getByText("This device")).toBeVisible();
  const otherSession = /^Sign out (?!everywhere)/;
  await sessions.getByRole("button", { name: otherSession }).click();
  await expect(page.getByRole("region", { name: "Sessions" }).getByRole("button", { name: otherSession })).toHaveCount(0);

  await other.reload();
  await expect(other).toHaveURL(/\/login/);
  await laptop.close();
});

test("account pre-hijacking: whoever opened an account with the owner's address loses every way in when the owner resets the password", async ({ page, browser, baseURL, db, mailbox }) => {
  const address = uniqueEmail("prehijack-owner");
  const squattersGoogle = uniqueEmail("squatters-own-google");

  await test.step("the squatter signs up with the owner's address, never confirms it, and logs in", async () => {
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Sly Squatter");
    await page.getByLabel("Email").fill(address);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByLabel("I am 16 or older").check();
    await page.getByLabel("I accept the Terms and the Privacy Policy").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await logInWithPassword(page, address);
    await expect(page).toHaveURL(/\/verify-email/);
  });

  await test.step("linking their own Google and turning on two-factor wait for a confirmed address, and the page says why", async () => {
    await page.goto("/settings/security");
    const methods = page.getByRole("region", { name: "Sign-in methods" });
    await expect(methods.getByText("Confirm your email address to link Google or Microsoft.")).toBeVisible();
    await expect(methods.getByRole("link", { name: "Link Google" })).toHaveCount(0);
    await expect(methods.getByRole("button", { name: "Send a new link" })).toBeVisible();
    const twoFactor = page.getByRole("region", { name: "Two-factor authentication" });
    await expect(twoFactor.getByText("Confirm your email address to turn on two-factor authentication.")).toBeVisible();
    await expect(twoFactor.getByRole("button", { name: "Set up two-factor authentication" })).toHaveCount(0);
    await shoot(page, "security-unconfirmed-email");

    // The link the page no longer shows, typed in: refused before Google is even asked.
    await page.goto("/auth/google?link=1");
    await expect(page.getByRole("heading", { name: "Confirm your email address first" })).toBeVisible();
    await expect(page.getByText("Linking Google needs a confirmed email address.")).toBeVisible();
    await shoot(page, "link-needs-confirmed-email");
  });

  const { id } = await db.selectFrom("users").select("id").where("email", "=", address).executeTakeFirstOrThrow();
  await test.step("an account squatted before that rule: the squatter's Google is linked and two-factor is on", async () => {
    await db.insertInto("oauth_accounts").values({ user_id: id, provider: "google", subject: chooserSubject(squattersGoogle), email: squattersGoogle }).execute();
    // Any key: the owner must not be asked for a code from it.
    await db.updateTable("users").set({ totp_key: randomBytes(48), totp_enabled_at: new Date() }).where("id", "=", id).execute();
  });

  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  const newPassword = "owner-takes-back-harbour-1987";
  await test.step("the owner resets the password through the emailed link", async () => {
    const since = Date.now();
    await ownerPage.goto("/forgot-password");
    await ownerPage.getByLabel("Email").fill(address);
    await ownerPage.getByRole("button", { name: "Send reset link" }).click();
    const email = await mailbox.waitFor(address, /Reset your Bearing password/, { since });
    await ownerPage.goto(linkIn(email, `${baseURL}/reset-password?token=`));
    await ownerPage.getByLabel("New password").fill(newPassword);
    await ownerPage.getByRole("button", { name: "Save new password" }).click();
    await expect(ownerPage).toHaveURL(/\/login\?notice=reset/);
  });

  await test.step("the squatter is signed out, and their Continue with Google no longer opens the owner's account", async () => {
    await page.goto("/settings/security");
    await expect(page).toHaveURL(/\/login/);
    await page.getByRole("link", { name: "Continue with Google" }).click();
    await chooseAccount(page, { email: squattersGoogle, name: "Sly Squatter" });
    // A stranger to us: asked to create an account of their own.
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await expect(page.getByText(squattersGoogle)).toBeVisible();
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", id).execute()).toEqual([]);
    expect(await db.selectFrom("oauth_accounts").select("subject").where("user_id", "=", id).execute()).toEqual([]);
  });

  await test.step("the owner logs in with the new password, no code asked, then with their own Google", async () => {
    await logInWithPassword(ownerPage, address, newPassword);
    await expect(ownerPage.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();
    await logOut(ownerPage);
    await ownerPage.getByRole("link", { name: "Continue with Google" }).click();
    await chooseAccount(ownerPage, { email: address, name: "Olive Owner" });
    await expect(ownerPage.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();
    const identities = await db.selectFrom("oauth_accounts").select("subject").where("user_id", "=", id).execute();
    expect(identities).toEqual([{ subject: chooserSubject(address) }]);
  });
  await owner.close();
});
