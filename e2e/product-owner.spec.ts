import type { Locator, Page } from "@playwright/test";
import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { expect, test } from "./support/fixtures";
import { chooseTheme, shoot } from "./support/screens";

// Issue 3 item 15, first half: a product owner sets the direction (vision, persona, competitor),
// scores three initiatives, lays them out on the roadmap, reorders them by drag and shares it.

async function createInitiative(page: Page, slug: string, input: { title: string; status: string; reach: string; impact: string; confidence: string; effort: string; quarter: string }) {
  await page.goto(`/w/${slug}/initiatives/new`);
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("Problem").fill(`Teams lose time today without ${input.title.toLowerCase()}.`);
  await page.getByLabel("Status").selectOption({ label: input.status });
  await page.getByLabel("Target quarter").fill(input.quarter);
  await page.getByLabel("Reach").fill(input.reach);
  await page.getByLabel("Impact").selectOption(input.impact);
  await page.getByLabel("Confidence (%)").fill(input.confidence);
  await page.getByLabel("Effort (person-months)").fill(input.effort);
  await page.getByRole("button", { name: "Create initiative" }).click();
  await expect(page.getByRole("heading", { name: input.title, level: 1 })).toBeVisible();
}

async function addToRoadmap(page: Page, slug: string, input: { title: string; initiative: string; description: string; start: string; end: string }) {
  await page.goto(`/w/${slug}/roadmap/new?lane=now`);
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("Description").fill(input.description);
  await page.getByLabel("Linked initiative").selectOption({ label: input.initiative });
  await page.getByLabel("Start quarter").fill(input.start);
  await page.getByLabel("End quarter").fill(input.end);
  await page.getByRole("button", { name: "Add to roadmap" }).click();
  await expect(page.getByRole("heading", { name: input.title, level: 1 })).toBeVisible();
}

/** Card titles of a lane, top to bottom. */
function laneTitles(lane: Locator) {
  return lane.locator('li[id^="item-"] p[id$="-title"]').allTextContents();
}

/** A real pointer drag (dnd-kit's PointerSensor wants some movement before it starts). */
async function dragHandle(page: Page, handle: Locator, target: Locator) {
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 5 });
  await page.mouse.move(from.x + from.width / 2, to.y + 4, { steps: 20 });
  await page.mouse.up();
}

test("a product owner writes the vision, a persona and a competitor, scores initiatives, reorders the roadmap by drag and shares it", async ({ page, browser, db, login }) => {
  const owner = await insertUser(db, { name: "Priya Shah", email: uniqueEmail("priya") });
  const { slug } = await insertWorkspace(db, owner.id, "Ledgerline");
  await login(owner);

  await test.step("vision, persona and competitor", async () => {
    await page.goto(`/w/${slug}/vision/edit`);
    await page.getByLabel("Vision statement").fill("Every finance team closes the books on time, without spreadsheets.");
    await page.getByLabel("Mission").fill("Automate the boring half of month-end.");
    await page.getByLabel("North-star metric").fill("Weekly teams that close on time");
    await page.getByRole("button", { name: "Save the vision" }).click();
    await expect(page).toHaveURL(`/w/${slug}/vision`);
    await expect(page.getByText("Every finance team closes the books on time, without spreadsheets.")).toBeVisible();

    await page.goto(`/w/${slug}/personas/new`);
    await page.getByLabel("Name").fill("Marco, the controller");
    await page.getByLabel("Segment or role").fill("Mid-market finance teams");
    await page.getByLabel("Pains").fill("Reconciling payouts by hand every month.");
    await page.getByRole("button", { name: "Create persona" }).click();
    await expect(page.getByRole("heading", { name: "Marco, the controller", level: 1 })).toBeVisible();

    await page.goto(`/w/${slug}/competitors/new`);
    await page.getByLabel("Name").fill("Acme Billing");
    await page.getByLabel("Website").fill("acme.example");
    await page.getByLabel("Threat level").selectOption({ label: "High" });
    await page.getByLabel("Positioning").fill("Invoicing for small agencies.");
    await page.getByRole("button", { name: "Create competitor" }).click();
    await expect(page.getByRole("heading", { name: "Acme Billing", level: 1 })).toBeVisible();
  });

  const initiatives = [
    { title: "Instant payout retries", status: "In progress", roadmap: "Payout retries for marketplaces", reach: "2000", impact: "2", confidence: "80", effort: "4", quarter: "2026-Q3", score: "RICE 800 = 2,000 × 2 × 80% ÷ 4" },
    { title: "Bank feed matching", status: "Planned", roadmap: "Bank feeds, matched automatically", reach: "1200", impact: "3", confidence: "50", effort: "6", quarter: "2026-Q4", score: "RICE 300 = 1,200 × 3 × 50% ÷ 6" },
    { title: "Close checklist", status: "Discovery", roadmap: "Month-end close checklist", reach: "500", impact: "1", confidence: "100", effort: "2", quarter: "2027-Q1", score: "RICE 250 = 500 × 1 × 100% ÷ 2" },
  ];

  await test.step("three initiatives with RICE scores and their formulas", async () => {
    for (const initiative of initiatives) {
      await createInitiative(page, slug, initiative);
      // The score and its formula are two spans side by side.
      const [score, formula] = initiative.score.split(" = ");
      await expect(page.getByText(score!, { exact: true }).first()).toBeVisible();
      await expect(page.getByText(`= ${formula}`, { exact: true }).first()).toBeVisible();
    }
    await page.goto(`/w/${slug}/initiatives`);
    for (const initiative of initiatives) await expect(page.getByRole("link", { name: initiative.title })).toBeVisible();
    await shoot(page, "initiatives-list");
    await page.goto(`/w/${slug}/initiatives/board`);
    await expect(page.getByRole("heading", { name: "Initiative board", level: 1 })).toBeVisible();
    await shoot(page, "initiative-board");
  });

  await test.step("the initiatives go on the roadmap, and a drag reorders them for good", async () => {
    for (const [index, initiative] of initiatives.entries()) {
      await addToRoadmap(page, slug, {
        title: initiative.roadmap,
        initiative: initiative.title,
        description: `Internal note ${index + 1}: budget pending.`,
        start: initiative.quarter,
        end: initiative.quarter,
      });
    }
    await page.goto(`/w/${slug}/roadmap`);
    const now = page.getByRole("region", { name: /^Now/ });
    const titles = initiatives.map((i) => i.roadmap);
    await expect.poll(() => laneTitles(now)).toEqual(titles);

    // The last card goes to the top.
    const moved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/roadmap"));
    await dragHandle(page, now.getByRole("button", { name: `Drag ${titles[2]}` }), now.locator('li[id^="item-"]').first());
    expect((await moved).status()).toBe(200);
    const reordered = [titles[2], titles[0], titles[1]];
    await expect.poll(() => laneTitles(now)).toEqual(reordered);
    await page.reload();
    await expect.poll(() => laneTitles(page.getByRole("region", { name: /^Now/ }))).toEqual(reordered);

    await chooseTheme(page, "light");
    await shoot(page, "roadmap-board");
    await chooseTheme(page, "dark");
    await shoot(page, "roadmap-board-dark");
    await chooseTheme(page, "light");
    await page.getByRole("navigation", { name: "Roadmap views" }).getByRole("link", { name: "Timeline" }).click();
    await expect(page.getByText("When each item is planned, quarter by quarter.")).toBeVisible();
    await expect(page.getByText(titles[0]!).first()).toBeVisible();
    await shoot(page, "roadmap-timeline");
  });

  await test.step("a share link shows the roadmap to a stranger without the hidden field, until revoked", async () => {
    await page.goto(`/w/${slug}/roadmap/shares`);
    await page.getByLabel("Descriptions").check();
    await page.getByRole("button", { name: "Create share link" }).click();
    const url = await page.getByRole("textbox", { name: "Share link" }).inputValue();
    expect(url).toMatch(/\/share\/\S+$/);

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    expect(await stranger.cookies()).toEqual([]);
    await strangerPage.goto(url);
    await expect(strangerPage.getByRole("heading", { name: "Ledgerline", level: 1 })).toBeVisible();
    await expect(strangerPage.getByText(initiatives[0]!.roadmap).first()).toBeVisible();
    await expect(strangerPage.getByText(/budget pending/)).toHaveCount(0);

    await expect(page.getByText("Hides descriptions")).toBeVisible();
    await page.getByText("Revoke", { exact: true }).click();
    await page.getByRole("button", { name: "Yes, revoke the link" }).click();
    await expect(page.getByText("No link is open.", { exact: false })).toBeVisible();

    const gone = await strangerPage.goto(url);
    expect(gone?.status()).toBe(404);
    await stranger.close();
  });
});
