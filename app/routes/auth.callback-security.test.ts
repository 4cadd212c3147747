import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_OIDC_CLIENTS } from "../../e2e/fakes/oidc/server";
import { continueWith, holdsSession, setUpOAuthTestApp } from "../services/oauth/testing";
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
  it("the state stays on the server, found through the session cookie (HttpOnly, SameSite=Lax, 10 minutes), and has at least 112 bits", async () => {
    const browser = env.app.newBrowser();
    const before = Date.now();
    const { start, authorizationUrl } = await continueWith(browser, "google");
    // No cookie of its own (privacy promise 6): a signed-out browser's session cookie carries the flow's token.
    const [cookie, ...others] = start.headers.getSetCookie();
    expect(others).toEqual([]);
    expect(cookie).toMatch(/^bearing_session=[a-z2-7]+\.[a-z2-7]+; Path=\/; HttpOnly; SameSite=Lax; Expires=[^;]+$/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie!)![1]!);
    expect(expires - before).toBeGreaterThan(9 * 60_000);
    expect(expires - before).toBeLessThanOrEqual(10 * 60_000 + 1000);
    const stored = await env.db.selectFrom("browser_flows").select(["payload", "secret_hash"]).where("id", "=", browser.cookies.get("bearing_session")!.split(".")[0]!).executeTakeFirstOrThrow();
    expect(stored.payload).toMatchObject({ state: authorizationUrl.searchParams.get("state"), provider: "google", mode: "sign-in" });
    expect(Buffer.from(stored.secret_hash!).toString("utf8")).not.toContain(browser.cookies.get("bearing_session")!.split(".")[1]);
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
    expect(await holdsSession(env.db, browser)).toBe(false);
    // The flow is spent by the first answer, and its token leaves the browser.
    expect(browser.cookies.has("bearing_session")).toBe(false);
  });

  it("OAuth callback without this browser's flow (a sign-in started in another browser) is refused", async () => {
    const { callbackPath } = await continueWith(env.app.newBrowser(), "google");
    const victim = env.app.newBrowser();
    await expectRefused(await victim.request(callbackPath), 400, "This sign-in has expired");
    expect(await holdsSession(env.db, victim)).toBe(false);
  });

  it("OAuth callback with a forged flow token is refused", async () => {
    const browser = env.app.newBrowser();
    const { callbackPath, callback } = await continueWith(browser, "google");
    const [id, secret] = browser.cookies.get("bearing_session")!.split(".");
    browser.cookies.set("bearing_session", `${id}.${secret!.replace(/^./, (c) => (c === "a" ? "b" : "a"))}`);
    await expectRefused(await browser.request(callbackPath), 400, "This sign-in has expired");
    expect(await holdsSession(env.db, browser)).toBe(false);
    // A wrong secret spends nothing: with its own token, the browser still signs in.
    browser.cookies.set("bearing_session", `${id}.${secret}`);
    expect((await callback()).status).toBe(302);
    expect(await holdsSession(env.db, browser)).toBe(true);
  });

  it("OAuth callback with a reused code is refused", async () => {
    // The whole callback replayed with the flow token it came with: the flow was spent by the first answer.
    const browser = env.app.newBrowser();
    const { callbackPath, callback } = await continueWith(browser, "google");
    const flowToken = browser.cookies.get("bearing_session")!;
    expect((await callback()).status).toBe(302);

    const replayer = env.app.newBrowser();
    replayer.cookies.set("bearing_session", flowToken);
    await expectRefused(await replayer.request(callbackPath), 400, "This sign-in has expired");
    expect(await holdsSession(env.db, replayer)).toBe(false);
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
    expect(await holdsSession(env.db, victim)).toBe(false);
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
    expect(await holdsSession(env.db, browser)).toBe(false);
  });
});
