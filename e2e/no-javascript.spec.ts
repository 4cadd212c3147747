import { expect, linkIn, test, uniqueEmail } from "./support/fixtures";

// PRODUCT.md §1 principle 5: every form works without JavaScript (Remix <Form> posts to actions),
// errors included — then the server alone validates and sends the input back.
test.use({ javaScriptEnabled: false });

test("without JavaScript a person can sign up, log in, create a workspace and invite someone", async ({ page, baseURL, mailbox }) => {
  const email = uniqueEmail("nojs");
  const password = "amber-falcon-meridian-22";

  await test.step("the server answers a bad sign-up with field errors and the input kept", async () => {
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Nadia Script");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at least 10 characters.");
    await expect(page.getByLabel("I am 16 or older")).toHaveAccessibleDescription("You must be 16 or older to use Bearing.");
    await expect(page.getByLabel("Name")).toHaveValue("Nadia Script");
    await expect(page.getByLabel("Email")).toHaveValue(email);
  });

  await test.step("sign up and confirm the email", async () => {
    const since = Date.now();
    await page.getByLabel("Password").fill(password);
    await page.getByLabel("I am 16 or older").check();
    await page.getByLabel("I accept the Terms and the Privacy Policy").check();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

    const message = await mailbox.waitFor(email, /Confirm your email/, { since });
    await page.goto(linkIn(message, `${baseURL}/verify-email?token=`));
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();
  });

  await test.step("log out and log in again", async () => {
    await page.getByRole("link", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();
  });

  await test.step("create a workspace", async () => {
    await page.getByLabel("Workspace name").fill(`No Script ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, Nadia" })).toBeVisible();
    // The theme switcher renders only once scripts run: its absence shows none did.
    await expect(page.getByLabel("Theme")).toHaveCount(0);
  });

  await test.step("invite someone", async () => {
    const invitee = uniqueEmail("invitee");
    await page.getByRole("link", { name: "Members" }).click();
    const since = Date.now();
    await page.getByLabel("Email").fill(invitee);
    await page.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${invitee}.`)).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: invitee })).toContainText("Viewer");
    const invitation = await mailbox.waitFor(invitee, /invited you to/, { since });
    expect(linkIn(invitation, `${baseURL}/invitations/`)).toBeTruthy();
  });
});
