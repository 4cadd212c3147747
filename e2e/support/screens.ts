import { resolve } from "node:path";
import { expect, type Page } from "@playwright/test";

/** Full-page screenshots land in e2e/.artifacts/screenshots/ (not committed), for a person to look at. */
export const SCREENSHOTS = resolve(import.meta.dirname, "../.artifacts/screenshots");

export function shoot(page: Page, name: string, { fullPage = true } = {}) {
  // Transitions finished: a theme switch must not be caught halfway between two colours.
  return page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage, animations: "disabled" });
}

export async function chooseTheme(page: Page, theme: "light" | "dark") {
  await page.getByRole("combobox", { name: "Theme" }).selectOption(theme);
  if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
}
