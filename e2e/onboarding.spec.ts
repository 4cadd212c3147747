import type { Page } from "@playwright/test";
import { findUserByEmail } from "./support/seed";
import { expect, linkIn, test, uniqueEmail } from "./support/fixtures";

// Issue 2's user story, end to end in one browser: every step a person takes, through the real forms
// and the real emails.

const OWNER_PASSWORD = "quiet-orchard-lantern-41";
const NEW_PASSWORD = "brisk-meadow-signal-87";
const COLLEAGUE_PASSWORD = "copper-tide-journal-55";

async function signUp(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("I am 16 or older").check();
  await page.getByLabel("I accept the Terms and the Privacy Policy").check();
  await page.getByRole("button", { name: "Create account" }).click();
}

async function invite(page: Page, email: string, role: "Admin" | "Editor" | "Viewer") {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
}

test("a new user signs up, verifies, creates a workspace, invites colleagues, changes a role, logs out, resets the password and logs in again", async ({
  page,
  browser,
  baseURL,
  mailbox,
  createUser,
  login,
  db,
}) => {
  const owner = { name: "Ada Lovelace", email: uniqueEmail("ada"), password: OWNER_PASSWORD };
  const colleague = { name: "Grace Hopper", email: uniqueEmail("grace"), password: COLLEAGUE_PASSWORD };
  const workspaceName = `Analytical Engine ${Date.now().toString(36)}`;
  let slug = "";

  await test.step("sign up and confirm the email", async () => {
    const since = Date.now();
    await page.goto("/signup");
    await signUp(page, owner);
    await expect(page).toHaveURL(/\/verify-email\?sent=1$/);
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    const email = await mailbox.waitFor(owner.email, /Confirm your email/, { since });
    await page.goto(linkIn(email, `${baseURL}/verify-email?token=`));
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page).toHaveURL(/\/w\/new$/);
  });

  await test.step("create a workspace and see the shell", async () => {
    await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();
    await page.getByLabel("Workspace name").fill(workspaceName);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/w\/analytical-engine-[a-z0-9-]+$/);
    slug = new URL(page.url()).pathname.split("/")[2]!;

    await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
    const navigation = page.getByRole("navigation", { name: "Workspace" });
    for (const area of ["Dashboard", "Vision", "Personas", "Competitors", "Initiatives", "Roadmap", "Risks", "Transcripts"]) {
      await expect(navigation.getByRole("link", { name: area })).toBeVisible();
    }
  });

  await test.step("invite a colleague, who creates an account from the email and lands in the workspace", async () => {
    await page.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    const since = Date.now();
    await invite(page, colleague.email, "Editor");
    await expect(page.getByRole("listitem").filter({ hasText: colleague.email })).toContainText("Editor");

    const invitation = await mailbox.waitFor(colleague.email, /invited you to/, { since });
    expect(invitation.subject).toContain(workspaceName);
    const colleagueContext = await browser.newContext();
    const colleaguePage = await colleagueContext.newPage();
    await colleaguePage.goto(linkIn(invitation, `${baseURL}/invitations/`));
    await expect(colleaguePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
    await colleaguePage.getByRole("link", { name: "Create an account" }).click();
    await expect(colleaguePage.getByLabel("Email")).toHaveValue(colleague.email);
    await signUp(colleaguePage, colleague);
    await expect(colleaguePage).toHaveURL(new RegExp(`/w/${slug}$`));
    await expect(colleaguePage.getByRole("heading", { name: "Welcome, Grace" })).toBeVisible();
    await colleagueContext.close();
  });

  await test.step("invite someone who already has an account, who accepts after logging in", async () => {
    const existing = await createUser({ name: "Linus Example", email: uniqueEmail("linus") });
    const since = Date.now();
    await invite(page, existing.email, "Viewer");

    const invitation = await mailbox.waitFor(existing.email, /invited you to/, { since });
    const existingContext = await browser.newContext();
    const existingPage = await existingContext.newPage();
    await existingPage.goto(linkIn(invitation, `${baseURL}/invitations/`));
    await existingPage.getByRole("link", { name: "I already have an account" }).click();
    await existingPage.getByLabel("Email").fill(existing.email);
    await existingPage.getByLabel("Password").fill(existing.password);
    await existingPage.getByRole("button", { name: "Log in" }).click();
    await expect(existingPage).toHaveURL(/\/invitations\//);
    await existingPage.getByRole("button", { name: "Accept invitation" }).click();
    await expect(existingPage).toHaveURL(new RegExp(`/w/${slug}$`));
    await expect(existingPage.getByRole("heading", { name: "Welcome, Linus" })).toBeVisible();
    await existingContext.close();
  });

  await test.step("the owner makes the colleague an admin and sees it", async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: "3 members" })).toBeVisible();
    const row = page.getByRole("listitem").filter({ hasText: colleague.email });
    await row.getByLabel(`Role of ${colleague.name}`).selectOption({ label: "Admin" });
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(page.getByText("Role changed.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: colleague.email }).getByLabel(`Role of ${colleague.name}`)).toHaveValue("admin");
  });

  // A second device stays signed in until the password reset ends every session.
  const otherDevice = await browser.newContext();
  const otherDevicePage = await otherDevice.newPage();
  await test.step("the owner is also signed in on another device", async () => {
    const ownerRow = await findUserByEmail(db, owner.email);
    await login({ id: ownerRow!.id }, otherDevice);
    await otherDevicePage.goto(`/w/${slug}`);
    await expect(otherDevicePage.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  });

  await test.step("log out", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(`/w/${slug}`);
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
  });

  await test.step("reset the forgotten password by email, which ends every session", async () => {
    await page.getByRole("link", { name: "Forgot password?" }).click();
    // The log-in page has an Email field too: fill only once the reset page is there.
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    const since = Date.now();
    await page.getByLabel("Email").fill(owner.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("If an account exists for that email, a reset link is on its way.")).toBeVisible();

    const email = await mailbox.waitFor(owner.email, /Reset your Bearing password/, { since });
    await page.goto(linkIn(email, `${baseURL}/reset-password?token=`));
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/login\?notice=reset$/);
    await expect(page.getByText("Your password was changed and every session signed out.")).toBeVisible();

    await otherDevicePage.goto(`/w/${slug}`);
    await expect(otherDevicePage).toHaveURL(/\/login\?redirectTo=/);
    await otherDevice.close();
  });

  await test.step("log in with the new password, not the old one", async () => {
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(OWNER_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");

    await page.getByLabel("Password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
    await expect(page.getByRole("heading", { name: "Welcome, Ada" })).toBeVisible();
  });
});

test("the sign-up form shows each problem next to its field and keeps what was typed", async ({ page }) => {
  const email = uniqueEmail("typo");
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at least 10 characters.");
  await expect(page.getByLabel("I am 16 or older")).toHaveAccessibleDescription("You must be 16 or older to use Bearing.");
  await expect(page.getByLabel("I accept the Terms and the Privacy Policy")).toHaveAccessibleDescription(
    "Accept the Terms and the Privacy Policy to continue.",
  );
  await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page).toHaveURL(/\/signup$/);

  // Long enough, but common: only the server's check (zxcvbn) catches it, and says why.
  await page.getByLabel("Password").fill("password1234");
  await page.getByLabel("I am 16 or older").check();
  await page.getByLabel("I accept the Terms and the Privacy Policy").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/common|guess/i);
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page).toHaveURL(/\/signup$/);
});
