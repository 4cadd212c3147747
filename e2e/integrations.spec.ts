import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { seedProductData } from "./support/seed-product";
import { expect, test } from "./support/fixtures";
import { chooseTheme, shoot } from "./support/screens";

// Issue 6 item 11: an admin connects Slack, Jira and Notion against the harness's fakes
// (integrations/*/fake-server.ts), uses one feature of each, watches an import's progress bar, and
// disconnects, which revokes the token where the provider offers it and deletes it here.

test("an admin connects Slack, chooses a channel, posts a roadmap update and disconnects", async ({ page, db, login }) => {
  const owner = await insertUser(db, { name: "Ines Integrator", email: uniqueEmail("slack") });
  const workspace = await insertWorkspace(db, owner.id, "Slackers");
  await seedProductData(db, workspace.id, owner.id);
  await login(owner);

  await page.goto(`/w/${workspace.slug}/settings/integrations`);
  const slack = page.getByRole("region", { name: "Slack" });
  await expect(slack.getByText("Permissions Bearing will ask for")).toBeVisible();
  await slack.getByRole("link", { name: "Connect Slack" }).click();

  await expect(page.getByRole("region", { name: "Slack" }).getByText("Permissions granted")).toBeVisible();
  await expect(page.getByRole("region", { name: "Slack" }).getByText("Fake Slack Team")).toBeVisible();
  const secrets = await db.selectFrom("integration_secrets").select(["field", "ciphertext"]).where("workspace_id", "=", workspace.id).execute();
  expect(secrets.map((s) => s.field)).toEqual(["access_token"]);

  await page.getByLabel("Channel").selectOption({ label: "#product" });
  await page.getByRole("button", { name: "Use this channel" }).click();
  await expect(page.getByText("Bearing posts to #product.")).toBeVisible();
  await expect(page.getByLabel("Channel")).toHaveValue("C0PRODUCT");
  await page.getByRole("button", { name: "Post roadmap update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Roadmap update posted to #product." })).toBeVisible();
  await chooseTheme(page, "light");
  await shoot(page, "integrations-slack");

  await page.getByRole("region", { name: "Slack" }).getByRole("button", { name: "Disconnect Slack" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Slack is disconnected: its token was revoked at Slack and deleted here." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Slack" }).getByRole("link", { name: "Connect Slack" })).toBeVisible();
  expect(await db.selectFrom("integration_connections").select("id").where("workspace_id", "=", workspace.id).execute()).toEqual([]);
  expect(await db.selectFrom("integration_secrets").select("field").where("workspace_id", "=", workspace.id).execute()).toEqual([]);
});

test("an admin connects Jira, chooses the site, imports 12,000 issues while watching the progress bar, and the import creates each once", async ({ page, db, login }) => {
  test.setTimeout(120_000);
  const owner = await insertUser(db, { name: "Jon Jira", email: uniqueEmail("jira") });
  const workspace = await insertWorkspace(db, owner.id, "Jirafolk");
  await login(owner);

  await page.goto(`/w/${workspace.slug}/settings/integrations`);
  await page.getByRole("region", { name: "Jira" }).getByRole("link", { name: "Connect Jira" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Jira is connected." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Jira" }).getByText("offline_access").last()).toBeVisible();
  await page.getByRole("link", { name: "Open Jira: import, push and sync" }).click();

  await page.getByLabel("Site").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Use this site" }).click();
  await expect(page.getByText("Bearing uses ledgerline")).toBeVisible();

  await page.getByLabel("JQL query").fill("project = PAY");
  await page.getByRole("button", { name: "Import" }).click();
  const progress = page.getByRole("progressbar");
  await expect(progress.first()).toBeVisible();
  await chooseTheme(page, "light");
  await progress.first().scrollIntoViewIfNeeded();
  await shoot(page, "integrations-jira-import", { fullPage: false });
  await expect(page.getByText(/Imported 12,000/)).toBeVisible({ timeout: 90_000 });

  const imported = await db.selectFrom("initiatives").select((eb) => eb.fn.countAll<string>().as("count")).where("workspace_id", "=", workspace.id).executeTakeFirstOrThrow();
  expect(Number(imported.count)).toBe(12_000);

  await page.goto(`/w/${workspace.slug}/settings/integrations`);
  await page.getByRole("region", { name: "Jira" }).getByRole("button", { name: "Disconnect Jira" }).click();
  await expect(page.getByRole("region", { name: "Jira" }).getByRole("link", { name: "Connect Jira" })).toBeVisible();
  expect(await db.selectFrom("integration_secrets").select("field").where("workspace_id", "=", workspace.id).execute()).toEqual([]);
});

test("an admin connects Notion, imports a page as a transcript and as a note, and disconnects", async ({ page, db, login }) => {
  const owner = await insertUser(db, { name: "Nia Notion", email: uniqueEmail("notion") });
  const workspace = await insertWorkspace(db, owner.id, "Notionists");
  await login(owner);

  await page.goto(`/w/${workspace.slug}/settings/integrations`);
  await page.getByRole("region", { name: "Notion" }).getByRole("link", { name: "Connect Notion" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Notion is connected." })).toBeVisible();
  // Privacy promise 6: connecting kept its state in the admin's session, with no cookie of its own.
  const host = new URL(page.url()).hostname;
  expect((await page.context().cookies()).filter((cookie) => cookie.domain === host).map((cookie) => cookie.name)).toEqual(["bearing_session"]);
  await page.getByRole("link", { name: /Open Notion/ }).click();

  await page.getByLabel("Page title").fill("Weekly");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: "Weekly product sync" })).toBeVisible();
  // Imports run as background jobs: the page shows the job, then a link to what it made.
  await page.getByRole("button", { name: "Import as transcript" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importing the page as a transcript" })).toBeVisible();
  await page.getByRole("link", { name: "Open the transcript “Weekly product sync”" }).click();
  await expect(page.getByRole("heading", { name: "Weekly product sync", level: 1 })).toBeVisible();
  await expect(page.getByText("Ship payout retries to five pilot sellers")).toBeVisible();

  await page.goBack();
  await page.getByRole("button", { name: "Import as note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Importing the page as a note" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the transcript “Weekly product sync”" })).toBeVisible();
  await shoot(page, "integrations-notion-imports");
  await page.getByRole("link", { name: "Open the note “Weekly product sync”" }).click();
  await expect(page.getByText("Note · Markdown")).toBeVisible();
  await page.getByRole("link", { name: "Transcripts", exact: true }).first().click();
  await expect(page.getByRole("link", { name: /Weekly product sync/ })).toHaveCount(2);
  await chooseTheme(page, "light");
  await shoot(page, "integrations-notion-note");

  await page.goto(`/w/${workspace.slug}/settings/integrations`);
  await page.getByRole("region", { name: "Notion" }).getByRole("button", { name: "Disconnect Notion" }).click();
  await expect(page.getByRole("region", { name: "Notion" }).getByRole("link", { name: "Connect Notion" })).toBeVisible();
  expect(await db.selectFrom("integration_connections").select("id").where("workspace_id", "=", workspace.id).execute()).toEqual([]);
});
