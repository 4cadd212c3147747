import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { expect } from "vitest";
import { logIn, signedInUser, visibleText, type Browser, type TestApp, type TestUser } from "../../server/testing";

/** Test helpers for two-factor authentication: codes computed as an authenticator app would. */

export const currentStep = () => Math.floor(Date.now() / 30_000);

/** The code an authenticator app shows for `step` (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1). */
export const codeAt = (key: Uint8Array, step: number) => generateHOTP(key, BigInt(step), 6);

/** A 6-digit code that none of the steps around now accepts. */
export function wrongCode(key: Uint8Array): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => codeAt(key, currentStep() + offset)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, "0");
    if (!valid.has(candidate)) return candidate;
  }
}

/** The key as the setup screen shows it for typing by hand ("ABCD EFGH …"). */
export function manualKeyIn(html: string): string | null {
  return html.match(/<code[^>]*>([A-Z2-7]{4}(?: [A-Z2-7]{1,4})+)<\/code>/)?.[1] ?? null;
}

export function recoveryCodesIn(html: string): string[] {
  const list = html.match(/<ul aria-label="Recovery codes"[^>]*>([\s\S]*?)<\/ul>/)?.[1] ?? "";
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => visibleText(item[1] ?? ""));
}

export interface TwoFactorUser extends TestUser {
  /** Signed in with a full session since before two-factor was turned on. */
  browser: Browser;
  key: Uint8Array;
  recoveryCodes: string[];
  /** The step of the code that confirmed the setup: a later step's code is needed to sign in. */
  confirmedStep: number;
}

/** A verified user who turned on two-factor authentication through Settings → Security, as a person would. */
export async function userWithTwoFactor(app: TestApp, name: string): Promise<TwoFactorUser> {
  const user = { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`, password: "correct horse battery staple 77" };
  const browser = await signedInUser(app, user);
  const start = await browser.postForm("/settings/security", { intent: "two-factor-start" });
  expect(start.status).toBe(200);
  const manualKey = manualKeyIn(await start.text());
  expect(manualKey).not.toBeNull();
  const key = decodeBase32IgnorePadding(manualKey!.replace(/ /g, ""));
  const confirmedStep = currentStep();
  const confirm = await browser.postForm("/settings/security", { intent: "two-factor-confirm", code: codeAt(key, confirmedStep) });
  expect(confirm.status).toBe(200);
  const recoveryCodes = recoveryCodesIn(await confirm.text());
  expect(recoveryCodes).toHaveLength(10);
  return { ...user, browser, key, recoveryCodes, confirmedStep };
}

/** Logs in with the password in a new browser: the session then waits for the second factor. */
export async function passwordStep(app: TestApp, user: TestUser): Promise<Browser> {
  const browser = app.newBrowser();
  const response = await logIn(browser, user);
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/login/two-factor?redirectTo=%2F");
  return browser;
}
