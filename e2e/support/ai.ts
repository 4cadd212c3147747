import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { startFakeLlm, type FakeLlm } from "../fakes/llm/server";
import { expect, test as base } from "./fixtures";

export { expect };

/** Every spec that uses AI gets its own fake provider on a free port, reached by Chromium cross-origin. */
export const test = base.extend<{ llm: FakeLlm }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  llm: async ({}, use) => {
    const llm = await startFakeLlm();
    await use(llm);
    await llm.close();
  },
});

/** A key no other run could produce, so finding it anywhere is proof it leaked. */
export function uniqueKey(): string {
  return `sk-bearing-test-${randomBytes(12).toString("hex")}`;
}

/** Adds a provider in Settings → AI keys, as a user would, and checks the key with "Test key". */
export async function addProviderKey(page: Page, llm: FakeLlm, { provider = "OpenAI", key, model = "gpt-4.1-mini" }: { provider?: string; key: string; model?: string }) {
  await page.goto("/settings/ai-keys");
  const card = page.getByRole("region", { name: provider, exact: true });
  await card.getByLabel("API key").fill(key);
  await card.getByLabel("Base URL").fill(`${llm.url}${provider === "Google Gemini" ? "/v1beta" : "/v1"}`);
  await card.getByLabel("Default model").fill(model);
  await card.getByRole("button", { name: "Save" }).click();
  // A new endpoint reloads the page so its Content-Security-Policy allows the fake's origin.
  await expect(page.getByRole("region", { name: provider, exact: true }).getByText(/Key sk-/)).toBeVisible();
  await page.getByRole("region", { name: provider, exact: true }).getByRole("button", { name: "Test key" }).click();
  await expect(page.getByRole("region", { name: provider, exact: true }).getByText(`Works — ${model} answered.`)).toBeVisible();
}
