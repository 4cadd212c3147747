import { readFile } from "node:fs/promises";
import { insertWorkspace } from "./support/seed";
import { seedProductData } from "./support/seed-product";
import { expect, TEST_PASSWORD, test } from "./support/fixtures";
import { chooseTheme, shoot } from "./support/screens";

// Issue 7 item 7: the rights PRODUCT.md §6 promise 7 gives, used the way a person would — export my
// data and open the file, delete a workspace and restore it, delete my account and fail to log in.

test("a person exports everything about them from Settings → Privacy and opens the file", async ({ page, db, createUser, login }) => {
  const user = await createUser({ name: "Esme Export" });
  const workspace = await insertWorkspace(db, user.id, "Export Hall");
  await seedProductData(db, workspace.id, user.id);
  await login(user);

  await page.goto("/settings/privacy");
  await chooseTheme(page, "light");
  await shoot(page, "privacy-settings");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export my data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bearing-.+\.json$/);
  const file = JSON.parse(await readFile((await download.path())!, "utf8"));

  expect(file).toMatchObject({ format: "bearing.personal-export", version: 1 });
  const text = JSON.stringify(file);
  expect(text).toContain(user.email);
  expect(text).toContain("Export Hall");
  expect(text).toContain("Sellers get paid the moment they earn it.");
  // Credentials are never in it, only whether they exist.
  expect(text).not.toMatch(/\$2[aby]\$12\$/);
});

test("an owner deletes a workspace, finds it gone, and restores it with everything in it", async ({ page, db, createUser, login }) => {
  const owner = await createUser({ name: "Dora Delete" });
  const workspace = await insertWorkspace(db, owner.id, "Phoenix Team");
  await seedProductData(db, workspace.id, owner.id);
  await login(owner);

  await page.goto(`/w/${workspace.slug}/settings/workspace`);
  const confirm = page.getByLabel("Type “Phoenix Team” to confirm");
  await confirm.fill("Phoenix");
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await expect(confirm).toHaveAccessibleDescription("That is not this workspace’s name. Type it exactly as shown above.");
  await expect(confirm).toHaveValue("Phoenix");

  await confirm.fill("Phoenix Team");
  await page.getByRole("button", { name: "Delete workspace" }).click();
  await expect(page.getByText(/Phoenix Team was deleted\. You can restore it until/)).toBeVisible();
  await shoot(page, "workspace-deleted");
  expect((await page.goto(`/w/${workspace.slug}/initiatives`))?.status()).toBe(404);

  await page.goto("/");
  await page.getByRole("button", { name: "Restore Phoenix Team" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}$`));
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Initiatives", exact: true }).click();
  await expect(page.getByRole("link", { name: "Instant payout retries" })).toBeVisible();
});

test("a person deletes their account after re-entering the password, then cannot log in", async ({ page, db, createUser, login }) => {
  const user = await createUser({ name: "Gus Gone" });
  await insertWorkspace(db, user.id, "Solo Studio");
  await login(user);

  await page.goto("/settings/privacy");
  await page.getByRole("link", { name: "Delete my account…" }).click();
  await expect(page.getByRole("heading", { name: "Delete your account", level: 1 })).toBeVisible();
  await expect(page.getByText("Solo Studio").first()).toBeVisible();
  await page.getByLabel(`Type your email address (${user.email}) to confirm`).fill(user.email);
  await page.getByLabel("Your password").fill("not-my-password-at-all");
  await page.getByRole("button", { name: "Delete my account and its data" }).click();
  await expect(page.getByLabel("Your password")).toHaveAccessibleDescription("That is not your password.");
  await expect(page.getByLabel(`Type your email address (${user.email}) to confirm`)).toHaveValue(user.email);
  await chooseTheme(page, "light");
  await shoot(page, "delete-account");

  await page.getByLabel("Your password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Delete my account and its data" }).click();
  await expect(page.getByText("Your account and the data associated with it are deleted. Bearing keeps no copy.")).toBeVisible();
  expect(await page.context().cookies()).toEqual([]);

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  expect(await db.selectFrom("users").select("id").where("id", "=", user.id).execute()).toEqual([]);
});
