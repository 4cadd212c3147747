import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { expect, test } from "./support/fixtures";
import { chooseTheme, shoot } from "./support/screens";

// Issue 3 item 15, second half: the same product owner logs risks and finds them in the heat map,
// uploads a meeting transcript, searches everything, exports CSV, and reads the dashboard.

const TRANSCRIPT = resolve(import.meta.dirname, "fixtures/payout-discovery-call.vtt");

async function createRisk(page: Page, slug: string, input: { title: string; category: string; likelihood: string; impact: string; mitigation: string }) {
  await page.goto(`/w/${slug}/risks/new`);
  await page.getByLabel("Title").fill(input.title);
  await page.getByLabel("Category").fill(input.category);
  await page.getByRole("group", { name: "Likelihood" }).getByText(input.likelihood, { exact: true }).click();
  await page.getByRole("group", { name: "Impact" }).getByText(input.impact, { exact: true }).click();
  await page.getByLabel("Mitigation").fill(input.mitigation);
  await page.getByRole("button", { name: "Create risk" }).click();
  await expect(page.getByRole("heading", { name: input.title, level: 1 })).toBeVisible();
}

test("a product owner logs risks and finds them in the heat map, uploads a transcript, searches, exports CSV and reads the dashboard", async ({ page, db, login }) => {
  const owner = await insertUser(db, { name: "Priya Shah", email: uniqueEmail("priya") });
  const { slug } = await insertWorkspace(db, owner.id, "Ledgerline");
  await login(owner);

  await test.step("an initiative and a roadmap item to give the dashboard something to show", async () => {
    await page.goto(`/w/${slug}/initiatives/new`);
    await page.getByLabel("Title").fill("Instant payout retries");
    await page.getByLabel("Reach").fill("2000");
    await page.getByLabel("Impact").selectOption("2");
    await page.getByLabel("Confidence (%)").fill("80");
    await page.getByLabel("Effort (person-months)").fill("4");
    await page.getByRole("button", { name: "Create initiative" }).click();
    await expect(page.getByText("RICE 800", { exact: true }).first()).toBeVisible();

    await page.goto(`/w/${slug}/roadmap/new?lane=now`);
    await page.getByLabel("Title").fill("Payout retries for marketplaces");
    await page.getByLabel("Linked initiative").selectOption({ label: "Instant payout retries" });
    await page.getByRole("button", { name: "Add to roadmap" }).click();
    await expect(page.getByRole("heading", { name: "Payout retries for marketplaces", level: 1 })).toBeVisible();
  });

  const risks = [
    { title: "Card network changes its payout API", category: "Technical", likelihood: "Likely", impact: "Severe", mitigation: "Pin the API version." },
    { title: "Payout fraud spikes after launch", category: "Security", likelihood: "Likely", impact: "Severe", mitigation: "Velocity limits per seller." },
    { title: "Pilot customers churn before renewal", category: "Market", likelihood: "Unlikely", impact: "Minor", mitigation: "Monthly check-ins." },
  ];

  await test.step("risks land in the heat map, and a cell filters the register to them", async () => {
    for (const risk of risks) await createRisk(page, slug, risk);
    await page.goto(`/w/${slug}/risks`);
    const map = page.getByRole("group", { name: "Risk heat map: likelihood by impact" });
    const cell = map.getByRole("link", { name: /^Likelihood 4, impact 5: 2 risks/ });
    await expect(cell).toBeVisible();
    await expect(map.getByRole("link", { name: /^Likelihood 2, impact 2: 1 risk\b/ })).toBeVisible();
    await chooseTheme(page, "light");
    await shoot(page, "risk-register");

    await cell.click();
    await expect(page).toHaveURL(/likelihood=4/);
    const register = page.getByRole("table");
    await expect(register.getByRole("link", { name: risks[0]!.title })).toBeVisible();
    await expect(register.getByRole("link", { name: risks[1]!.title })).toBeVisible();
    await expect(register.getByRole("link", { name: risks[2]!.title })).toHaveCount(0);
    await shoot(page, "risk-register-filtered");
  });

  await test.step("a VTT transcript shows its speakers' turns", async () => {
    await page.goto(`/w/${slug}/transcripts/new`);
    await page.getByLabel("Title").fill("Payout discovery call");
    await page.getByLabel("Upload a file").setInputFiles(TRANSCRIPT);
    await page.getByRole("button", { name: "Create transcript" }).click();
    await expect(page.getByRole("heading", { name: "Payout discovery call", level: 1 })).toBeVisible();
    const transcript = page.getByRole("region", { name: "Transcript" });
    await expect(transcript.getByText("Dana Okafor").first()).toBeVisible();
    await expect(transcript.getByText("Marco Bianchi").first()).toBeVisible();
    await expect(transcript.getByText("Honestly it is a spreadsheet.", { exact: false })).toBeVisible();
    await shoot(page, "transcript");
  });

  await test.step("search finds the initiative, the risks and the transcript", async () => {
    await page.goto(`/w/${slug}/search`);
    await page.getByRole("searchbox", { name: "Search", exact: true }).fill("payout");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=payout/);
    const results = page.getByRole("main");
    await expect(results.getByRole("link", { name: /Instant payout retries/ }).first()).toBeVisible();
    await expect(results.getByRole("link", { name: /Payout fraud spikes after launch/ }).first()).toBeVisible();
    await expect(results.getByRole("link", { name: /Payout discovery call/ }).first()).toBeVisible();
    await shoot(page, "search-results");
  });

  await test.step("the risk register exports as CSV", async () => {
    await page.goto(`/w/${slug}/risks`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const csv = await readFile(file, "utf8");
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(header).toMatch(/^id,title,category,likelihood,impact,severity,band,status,owner,owner_email/);
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.includes("Payout fraud spikes after launch"))).toMatch(/,Security,4,5,20,/);
  });

  await test.step("the dashboard, light and dark", async () => {
    await page.goto(`/w/${slug}`);
    await expect(page.getByRole("heading", { name: "Welcome, Priya" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Now on the roadmap" }).getByText("Payout retries for marketplaces")).toBeVisible();
    await expect(page.getByRole("region", { name: "Top open risks" }).getByText(risks[0]!.title)).toBeVisible();
    await chooseTheme(page, "light");
    await shoot(page, "dashboard-data");
    await chooseTheme(page, "dark");
    await shoot(page, "dashboard-data-dark");
  });
});
