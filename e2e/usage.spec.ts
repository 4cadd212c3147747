import { insertWorkspace } from "./support/seed";
import { expect, test } from "./support/fixtures";
import { chooseTheme, shoot } from "./support/screens";

// Issue 7 item 3: first-party usage data. Pages visited in the browser (client-side navigations are
// reported to our own origin) and features used show up in Settings → Usage, by route pattern.

test("an owner browses, creates a risk, and sees those pages and that feature in Settings → Usage", async ({ page, db, createUser, login }) => {
  const owner = await createUser({ name: "Uma Usage" });
  const workspace = await insertWorkspace(db, owner.id, "Counting House");
  await login(owner);

  await page.goto(`/w/${workspace.slug}`);
  const navigation = page.getByRole("navigation", { name: "Workspace" });
  await navigation.getByRole("link", { name: "Personas", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  await navigation.getByRole("link", { name: "Risks", exact: true }).click();
  await page.getByRole("link", { name: "New risk" }).first().click();
  await page.getByLabel("Title").fill("Bank batch misses the freeze");
  await page.getByRole("group", { name: "Likelihood" }).getByText("Likely", { exact: true }).click();
  await page.getByRole("group", { name: "Impact" }).getByText("Major", { exact: true }).click();
  await page.getByRole("button", { name: "Create risk" }).click();
  await expect(page.getByRole("heading", { name: "Bank batch misses the freeze", level: 1 })).toBeVisible();

  await navigation.getByRole("link", { name: "Usage", exact: true }).click();
  const topPages = page.locator("section").filter({ has: page.getByRole("heading", { name: "Top pages" }) });
  // Each page was reached by a client-side navigation: the browser's own report counted it.
  await expect(topPages.getByRole("listitem").filter({ hasText: "/w/:slug/personas" })).toContainText("1");
  const topFeatures = page.locator("section").filter({ has: page.getByRole("heading", { name: "Top features" }) });
  await expect(topFeatures.getByRole("listitem").filter({ hasText: "risk.created" })).toContainText("1");
  await chooseTheme(page, "light");
  await shoot(page, "usage");

  // What was stored names pages by pattern and people not at all.
  const events = await db.selectFrom("usage_events").selectAll().where("workspace_id", "=", workspace.id).execute();
  expect(events.some((event) => event.kind === "page_view" && event.origin === "browser" && event.name === "/w/:slug/personas")).toBe(true);
  expect(JSON.stringify(events)).not.toContain(owner.email);
  expect(JSON.stringify(events)).not.toContain(owner.id);
  expect(JSON.stringify(events)).not.toContain(workspace.slug);
});
