import type { BrowserContext, Page } from "@playwright/test";
import { findUserByEmail } from "./support/seed";
import { expect, linkIn, test, uniqueEmail } from "./support/fixtures";

// PRODUCT.md §6: each privacy promise is a test named after it (promise 5 walks every page in
// privacy-promise-5.spec.ts).

const WORKSPACE_AREAS = ["Vision", "Personas", "Competitors", "Initiatives", "Roadmap", "Risks", "Transcripts", "Search", "Ask AI"];
const WORKSPACE_SETTINGS = ["Members", "Integrations", "Workspace", "Activity"];

async function fillSignup(page: Page, email: string, { ageConfirmed }: { ageConfirmed: boolean }) {
  await page.getByLabel("Name").fill("Pat Private");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("saffron-glacier-tandem-63");
  if (ageConfirmed) await page.getByLabel("I am 16 or older").check();
  await page.getByLabel("I accept the Terms and the Privacy Policy").check();
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Every page a signed-in person can reach from the shell today, reached the way they would. */
async function walkTheShell(page: Page) {
  const navigation = page.getByRole("navigation", { name: "Workspace" });
  for (const area of [...WORKSPACE_AREAS, ...WORKSPACE_SETTINGS, "Dashboard"]) {
    await navigation.getByRole("link", { name: area, exact: true }).click();
    await expect(navigation.getByRole("link", { name: area, exact: true })).toHaveAttribute("aria-current", "page");
  }
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("navigation", { name: "Settings" })).toBeVisible();
  for (const section of ["Security", "AI keys", "Privacy", "Account"]) {
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: section }).click();
    await expect(page.getByRole("heading", { name: section, level: 1 })).toBeVisible();
  }
}

async function onlyTheSessionCookie(context: BrowserContext) {
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(["bearing_session"]);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
}

test("privacy promise 6: the only cookie is the essential session cookie; the theme preference lives in localStorage", async ({
  page,
  context,
  baseURL,
  mailbox,
}) => {
  const email = uniqueEmail("cookies");
  const since = Date.now();
  await page.goto("/");
  await page.getByRole("link", { name: "Sign up" }).click();
  await fillSignup(page, email, { ageConfirmed: true });
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  expect(await context.cookies()).toEqual([]);

  const message = await mailbox.waitFor(email, /Confirm your email/, { since });
  await page.goto(linkIn(message, `${baseURL}/verify-email?token=`));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await page.getByLabel("Workspace name").fill(`Cookie Jar ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Pat" })).toBeVisible();
  const workspaceUrl = page.url();
  await onlyTheSessionCookie(context);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await context.cookies()).toEqual([]);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("saffron-glacier-tandem-63");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Pat" })).toBeVisible();
  await walkTheShell(page);
  await onlyTheSessionCookie(context);
  // HttpOnly: no script on the page can read the session.
  expect(await page.evaluate(() => document.cookie)).toBe("");

  await page.goto(workspaceUrl);
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("bearing.theme"))).toBe("dark");
  await onlyTheSessionCookie(context);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
});

test("privacy promise 9: users under 16 cannot sign up", async ({ page, browser, db }) => {
  const email = uniqueEmail("young");
  await page.goto("/signup");
  await fillSignup(page, email, { ageConfirmed: false });
  await expect(page.getByLabel("I am 16 or older")).toHaveAccessibleDescription("You must be 16 or older to use Bearing.");
  await expect(page).toHaveURL(/\/signup$/);

  // The browser's check is a courtesy; the server is the authority, so try again without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const noScriptPage = await noScript.newPage();
  await noScriptPage.goto("/signup");
  await fillSignup(noScriptPage, email, { ageConfirmed: false });
  await expect(noScriptPage.getByLabel("I am 16 or older")).toHaveAccessibleDescription("You must be 16 or older to use Bearing.");
  await expect(noScriptPage.getByLabel("Email")).toHaveValue(email);
  await noScript.close();

  expect(await findUserByEmail(db, email)).toBeUndefined();
});
