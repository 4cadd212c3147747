import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { addMember, insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { expect, test } from "./support/fixtures";

// Full-page screenshots of the screens issue 2 asks a person to look at before it ships. They land in
// e2e/.artifacts/screenshots/ (not committed); the assertions make sure each shows what it should.

const SCREENSHOTS = resolve(import.meta.dirname, ".artifacts/screenshots");

function shoot(page: Page, name: string, { fullPage = true } = {}) {
  // Transitions finished: a theme switch must not be caught halfway between two colours.
  return page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage, animations: "disabled" });
}

async function chooseTheme(page: Page, theme: "light" | "dark") {
  await page.getByRole("combobox", { name: "Theme" }).selectOption(theme);
  if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
}

test("screenshots of sign-up, log-in, the workspace shell in light and dark, members, and the phone menu", async ({ page, db, login }) => {
  await test.step("sign-up and log-in pages", async () => {
    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await shoot(page, "signup");

    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await shoot(page, "signup-errors");

    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Log in to Bearing" })).toBeVisible();
    await shoot(page, "login");
  });

  const owner = await insertUser(db, { name: "Margaret Hamilton", email: uniqueEmail("margaret") });
  const workspace = await insertWorkspace(db, owner.id, "Apollo Guidance");
  await addMember(db, workspace.id, (await insertUser(db, { name: "Katherine Johnson", email: uniqueEmail("katherine") })).id, "admin");
  await addMember(db, workspace.id, (await insertUser(db, { name: "Dorothy Vaughan", email: uniqueEmail("dorothy") })).id, "editor");
  await login(owner);

  await test.step("the workspace dashboard, light and dark", async () => {
    await page.goto(`/w/${workspace.slug}`);
    await expect(page.getByRole("heading", { name: "Welcome, Margaret" })).toBeVisible();
    await chooseTheme(page, "light");
    await shoot(page, "dashboard-light");
    await chooseTheme(page, "dark");
    await shoot(page, "dashboard-dark");
  });

  await test.step("the members page with a pending invitation, dark and light", async () => {
    await page.getByRole("link", { name: "Members" }).click();
    const invitee = uniqueEmail("mary.jackson");
    await page.getByLabel("Email").fill(invitee);
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "3 members" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Pending invitations" })).toBeVisible();
    await shoot(page, "members-dark");
    await chooseTheme(page, "light");
    await shoot(page, "members");
  });

  await test.step("the shell on a phone, with the menu open", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/w/${workspace.slug}`);
    await expect(page.getByRole("heading", { name: "Welcome, Margaret" })).toBeVisible();
    await shoot(page, "phone-dashboard");
    await page.getByText("Menu", { exact: true }).click();
    // In the viewport, not merely rendered: the open menu must cover the screen down to its last control.
    await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Roadmap" })).toBeInViewport();
    await expect(page.getByRole("button", { name: "Log out" })).toBeInViewport();
    await shoot(page, "phone-menu", { fullPage: false });

    // Following a link closes the menu.
    await page.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "3 members" })).toBeInViewport();
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, "phone-members");
  });
});
