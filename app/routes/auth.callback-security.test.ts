import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_OIDC_CLIENTS } from "../../e2e/fakes/oidc/server";
import { continueWith, sessionCookieSet, setUpOAuthTestApp } from "../services/oauth/testing";
import { signedInUser, visibleText } from "../server/testing";

const env = setUpOAuthTestApp();
const person = { name: "Margaret Hamilton", email: "margaret@example.com", password: "apollo guidance computer 69" };

const identity = { sub: "google-margaret", email: person.email, emailVerified: true, name: person.name };

// Every case below signs in an existing, linked account: only the checks stand between it and a session.
beforeAll(async () => {
  await signedInUser(env.app, person);
  env.provider.setUser(identity);
  expect((await (await continueWith(env.app.newBrowser(), "google")).callback()).status).toBe(302);
});
beforeEach(() => env.provider.setUser(identity));

async function expectRefused(response: Response, status: number, text: string) {
  expect(response.status).toBe(status);
  expect(visibleText(await response.text())).toContain(text);
}

describe("OAuth callback security", () => {
  it("the state cookie is HttpOnly, SameSite=Lax, limited to /auth, lives 10 minutes, and the state has at least 112 bits", async () => {
    const browser = env.app.newBrowser();
    const { start, authorizationUrl } = await continueWith(browser, "google");
    const cookie = start.headers.getSetCookie().find((header) => header.startsWith("bearing_oauth="));
    expect(cookie).toMatch(/; Path=\/auth; HttpOnly; SameSite=Lax; Max-Age=600$/);
    const state = authorizationUrl.searchParams.get("state")!;
    expect(Buffer.from(state, "base64url").length * 8).toBeGreaterThanOrEqual(112);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("nonce")).toBeTruthy();
  });

  it("OAuth callback with a wrong state is refused", async () => {
    const browser = env.app.newBrowser();
    const { callbackPath } = await continueWith(browser, "google");
    const tampered = callbackPath.replace(/state=[^&]+/, "state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await expectRefused(await browser.request(tampered), 400, "This sign-in has expired");
    expect(sessionCookieSet(browser)).toBe(false);
    expect(browser.cookies.has("bearing_oauth")).toBe(false);
  });

  it("OAuth callback without the state cookie (a sign-in started in another browser) is refused", async () => {
    const { callbackPath } = await continueWith(env.app.newBrowser(), "google");
    const victim = env.app.newBrowser();
    await expectRefused(await victim.request(callbackPath), 400, "This sign-in has expired");
    expect(sessionCookieSet(victim)).toBe(false);
  });

  it("OAuth callback with an edited state cookie is refused", async () => {
    const browser = env.app.newBrowser();
    const { callbackPath } = await continueWith(browser, "google");
    const [payload, mac] = browser.cookies.get("bearing_oauth")!.split(".");
    const flow = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
    browser.cookies.set("bearing_oauth", `${Buffer.from(JSON.stringify({ ...flow, redirectTo: "/elsewhere" })).toString("base64url")}.${mac}`);
    await expectRefused(await browser.request(callbackPath), 400, "This sign-in has expired");
    expect(sessionCookieSet(browser)).toBe(false);
  });

  it("OAuth callback with a reused code is refused", async () => {
    // The whole callback replayed with its own state cookie: only the code's single use refuses it.
    const browser = env.app.newBrowser();
    const { callbackPath, callback } = await continueWith(browser, "google");
    const stateCookie = browser.cookies.get("bearing_oauth")!;
    expect((await callback()).status).toBe(302);

    const replayer = env.app.newBrowser();
    replayer.cookies.set("bearing_oauth", stateCookie);
    await expectRefused(await replayer.request(callbackPath), 400, "Google did not accept this sign-in (invalid_grant)");
    expect(sessionCookieSet(replayer)).toBe(false);
    const code = new URLSearchParams(callbackPath.split("?")[1]).get("code")!;
    expect(env.app.logs.join("\n")).not.toContain(code);
  });

  it("OAuth callback with a code from another browser's sign-in is refused (PKCE)", async () => {
    // An attacker injects their own code into the victim's callback: the victim's verifier does not match it.
    const { callbackPath: attackerPath } = await continueWith(env.app.newBrowser(), "google");
    const attackerCode = new URLSearchParams(attackerPath.split("?")[1]).get("code")!;
    const victim = env.app.newBrowser();
    const { callbackPath } = await continueWith(victim, "google");
    const injected = callbackPath.replace(/code=[^&]+/, `code=${encodeURIComponent(attackerCode)}`);
    await expectRefused(await victim.request(injected), 400, "Google did not accept this sign-in (invalid_grant)");
    expect(sessionCookieSet(victim)).toBe(false);
  });

  it("a code redeemed without its PKCE verifier is refused by both providers' token endpoints", async () => {
    for (const provider of ["google", "microsoft"] as const) {
      const { callbackPath } = await continueWith(env.app.newBrowser(), provider);
      const code = new URLSearchParams(callbackPath.split("?")[1]).get("code")!;
      const client = FAKE_OIDC_CLIENTS[provider];
      const tokenUrl = provider === "google" ? `${env.provider.url}/token` : `${env.provider.url}/common/oauth2/v2.0/token`;
      const response = await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: `${env.app.url}/auth/${provider}/callback`,
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }),
      });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toBe("invalid_grant");
      if (provider === "google") expect(body.error_description).toBe("Missing code verifier.");
      else expect(body.error_codes).toEqual([50148]);
    }
  });

  it("a person who declines at the provider is told so, and nothing is signed in", async () => {
    env.provider.setUser(null);
    const browser = env.app.newBrowser();
    const { callbackPath, callback } = await continueWith(browser, "microsoft");
    expect(callbackPath).toContain("error=access_denied");
    await expectRefused(await callback(), 400, "Sign-in cancelled");
    expect(sessionCookieSet(browser)).toBe(false);
  });
});
