import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { POLICY_VERSION } from "../modules/accounts/policies";
import { MICROSOFT_CONSUMER_TENANT_ID } from "../../e2e/fakes/oidc/server";
import { continueWith, holdsSession, sessionUserId, setUpOAuthTestApp, squattedAccount, squatterHoldings } from "../services/oauth/testing";
import { fieldErrors, logIn, signedInUser, startTestApp, visibleText } from "../server/testing";

const env = setUpOAuthTestApp();
const userByEmail = (email: string) => env.db.selectFrom("users").selectAll().where(sql`lower(email)`, "=", email.toLowerCase()).executeTakeFirst();
const identitiesOf = (userId: string) => env.db.selectFrom("oauth_accounts").selectAll().where("user_id", "=", userId).execute();

describe("first sign-in with a provider", () => {
  it("creates the account only after the person confirms their age and accepts the policies", async () => {
    env.provider.setUser({ sub: "google-ada", email: "ada@example.com", emailVerified: true, name: "Ada Lovelace", picture: true });
    const browser = env.app.newBrowser();
    const { callback } = await continueWith(browser, "google");
    const back = await callback();
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/auth/confirm?redirectTo=%2F");
    // The pending sign-up's token rides in the session cookie: still no other cookie (privacy promise 6).
    expect([...browser.cookies.keys()]).toEqual(["bearing_session"]);
    expect(await holdsSession(env.db, browser)).toBe(false);
    expect(await userByEmail("ada@example.com")).toBeUndefined();

    const page = await browser.request("/auth/confirm");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(visibleText(html)).toContain("Ada Lovelace");
    expect(visibleText(html)).toContain("ada@example.com");
    expect(html).toMatch(/<img src="data:image\/png;base64,/);

    const unticked = await browser.postForm("/auth/confirm", { redirectTo: "/" });
    const form = await unticked.text();
    expect(unticked.status).toBe(400);
    expect(fieldErrors(form, "ageConfirmed")).toEqual(["You must be 16 or older to use Bearing."]);
    expect(fieldErrors(form, "acceptPolicies")).toEqual(["Accept the Terms and the Privacy Policy to continue."]);
    expect(await userByEmail("ada@example.com")).toBeUndefined();

    const confirmed = await browser.postForm("/auth/confirm", { redirectTo: "/", ageConfirmed: true, acceptPolicies: true });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/");
    expect(await holdsSession(env.db, browser)).toBe(true);
    expect([...browser.cookies.keys()]).toEqual(["bearing_session"]);
    const user = await userByEmail("ada@example.com");
    expect(user).toMatchObject({ name: "Ada Lovelace", password_hash: null, policy_version: POLICY_VERSION });
    expect(user?.age_confirmed_at).toBeInstanceOf(Date);
    expect(user?.policies_accepted_at).toBeInstanceOf(Date);
    expect(user?.email_verified_at).toBeInstanceOf(Date);
    expect(user?.avatar_url).toMatch(/^data:image\/png;base64,/);
    expect(await identitiesOf(user!.id)).toMatchObject([{ provider: "google", subject: "google-ada", email: "ada@example.com" }]);

    const again = env.app.newBrowser();
    const second = await (await continueWith(again, "google")).callback();
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe("/");
    expect(await holdsSession(env.db, again)).toBe(true);
  });

  it("keeps the email of a Microsoft work account unverified without xms_edov, and sends a confirmation email", async () => {
    env.provider.setUser({ sub: "ms-work-linus", email: "linus@contoso.example", emailVerified: false, name: "Linus Work" });
    const browser = env.app.newBrowser();
    expect((await (await continueWith(browser, "microsoft")).callback()).headers.get("location")).toMatch(/^\/auth\/confirm/);
    const since = Date.now();
    const confirmed = await browser.postForm("/auth/confirm", { redirectTo: "/", ageConfirmed: true, acceptPolicies: true });
    expect(confirmed.status).toBe(302);
    expect((await userByEmail("linus@contoso.example"))?.email_verified_at).toBeNull();
    const email = await env.app.mailbox.waitFor("linus@contoso.example", { subject: /Confirm your email/, since });
    expect(email).toBeTruthy();
  });

  it("refuses to create an account from an expired pending sign-up", async () => {
    env.provider.setUser({ sub: "google-late", email: "late@example.com", emailVerified: true, name: "Late Comer" });
    const browser = env.app.newBrowser();
    await (await continueWith(browser, "google")).callback();
    await env.db.updateTable("oauth_signups").set({ expires_at: sql`now() - interval '1 minute'` }).where("email", "=", "late@example.com").execute();

    const page = await browser.request("/auth/confirm");
    expect(page.status).toBe(410);
    expect(visibleText(await page.text())).toContain("This sign-up has expired");
    const submitted = await browser.postForm("/auth/confirm", { redirectTo: "/", ageConfirmed: true, acceptPolicies: true });
    expect(submitted.status).toBe(410);
    expect(await holdsSession(env.db, browser)).toBe(false);
    expect(await userByEmail("late@example.com")).toBeUndefined();
  });
});

describe("an identity whose email matches an existing account", () => {
  it("is linked and signed in when the provider verified the email", async () => {
    const person = { name: "Grace Hopper", email: "grace@example.com", password: "compiler moth nanosecond 1952" };
    await signedInUser(env.app, person);
    env.provider.setUser({ sub: "google-grace", email: "Grace@Example.com", emailVerified: true, name: "Grace H." });
    const browser = env.app.newBrowser();
    const back = await (await continueWith(browser, "google", "?redirectTo=%2Fsettings%2Faccount")).callback();
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/settings/account");
    expect(await holdsSession(env.db, browser)).toBe(true);
    const user = await userByEmail(person.email);
    expect(await identitiesOf(user!.id)).toMatchObject([{ provider: "google", subject: "google-grace" }]);
    expect(user?.name).toBe("Grace Hopper");
  });

  it("asks for the second factor when the account has two-factor authentication on", async () => {
    const person = { name: "Radia Perlman", email: "radia@example.com", password: "spanning tree protocol 85" };
    await signedInUser(env.app, person);
    await env.db.updateTable("users").set({ totp_enabled_at: new Date() }).where("email", "=", person.email).execute();
    env.provider.setUser({ sub: "google-radia", email: person.email, emailVerified: true, name: "Radia" });
    const back = await (await continueWith(env.app.newBrowser(), "google")).callback();
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toMatch(/^\/login\/two-factor/);
  });

  it("links a personal Microsoft account, whose email Microsoft verified", async () => {
    const person = { name: "Alan Turing", email: "alan@outlook.example", password: "enigma bombe hut eight" };
    await signedInUser(env.app, person);
    env.provider.setUser({ sub: "ms-personal-alan", email: person.email, emailVerified: true, name: "Alan", tenantId: "9188040d-6c67-4c5b-b112-36a304b66dad" });
    const browser = env.app.newBrowser();
    expect((await (await continueWith(browser, "microsoft")).callback()).status).toBe(302);
    expect(await identitiesOf((await userByEmail(person.email))!.id)).toMatchObject([{ provider: "microsoft", subject: "ms-personal-alan" }]);
  });

  it("OAuth sign-in with an unverified email is never linked to an existing account", async () => {
    const person = { name: "Katherine Johnson", email: "katherine@example.com", password: "orbital trajectory 1962" };
    await signedInUser(env.app, person);
    for (const provider of ["google", "microsoft"] as const) {
      env.provider.setUser({ sub: `${provider}-impostor`, email: person.email, emailVerified: false, name: "Not Katherine" });
      const browser = env.app.newBrowser();
      const back = await (await continueWith(browser, provider)).callback();
      expect(back.status).toBe(409);
      const text = visibleText(await back.text());
      expect(text).toContain("Log in with your password first");
      expect(text).toContain(`Log in with your email and password, then link ${provider === "google" ? "Google" : "Microsoft"} from Settings → Security.`);
      expect(await holdsSession(env.db, browser)).toBe(false);
    }
    expect(await identitiesOf((await userByEmail(person.email))!.id)).toEqual([]);
  });

  it("OAuth sign-in with a verified email takes an unconfirmed account away from whoever set its password", async () => {
    // Google, whose identity the squatter linked too, and Microsoft, which they did not.
    for (const provider of ["google", "microsoft"] as const) {
      const email = `owner-${provider}@example.com`;
      const squatted = await squattedAccount(env, email);
      const owner = { sub: `${provider}-real-owner`, email, emailVerified: true, name: "Real Owner", tenantId: MICROSOFT_CONSUMER_TENANT_ID };
      env.provider.setUser(owner);
      const browser = env.app.newBrowser();
      const back = await (await continueWith(browser, provider)).callback();
      expect(back.status).toBe(302);
      // No second factor asked: the squatter's key went with everything else they set up.
      expect(back.headers.get("location")).toBe("/");
      expect(await sessionUserId(env.db, browser)).toBe(squatted.id);

      const user = await userByEmail(email);
      expect(user?.password_hash).toBeNull();
      expect(user?.email_verified_at).toBeInstanceOf(Date);
      expect(await squatterHoldings(env.db, squatted.id)).toEqual({
        identities: [owner.sub],
        totpKey: false,
        twoFactorOn: false,
        totpLastStep: null,
        recoveryCodes: 0,
        sessions: 1,
        aiEndpoints: [],
      });
      expect(await holdsSession(env.db, squatted.browser)).toBe(false);
      expect((await logIn(env.app.newBrowser(), squatted)).status).toBe(400);

      // The squatter's own Google account opens nothing of the owner's: to us it is a newcomer.
      env.provider.setUser(squatted.google);
      const squatterAgain = env.app.newBrowser();
      const again = await (await continueWith(squatterAgain, "google")).callback();
      expect(again.headers.get("location")).toMatch(/^\/auth\/confirm/);
      expect(await sessionUserId(env.db, squatterAgain)).toBeNull();
    }
  });
});

describe("a Microsoft tenant restriction", () => {
  it("refuses a personal account when MICROSOFT_TENANT is organizations", async () => {
    const workOnly = await startTestApp({ db: env.db, mailbox: env.app.mailbox, env: { ...env.provider.env(), MICROSOFT_TENANT: "organizations" } });
    try {
      env.provider.allowRedirectUris(`${workOnly.url}/auth/microsoft/callback`);
      env.provider.setUser({ sub: "ms-personal-eve", email: "eve@outlook.example", emailVerified: true, name: "Eve", tenantId: "9188040d-6c67-4c5b-b112-36a304b66dad" });
      const browser = workOnly.newBrowser();
      const { authorizationUrl, callback } = await continueWith(browser, "microsoft");
      expect(authorizationUrl.pathname).toBe("/organizations/oauth2/v2.0/authorize");
      const back = await callback();
      expect(back.status).toBe(400);
      expect(visibleText(await back.text())).toContain("The answer from Microsoft did not check out");
      expect(await userByEmail("eve@outlook.example")).toBeUndefined();
    } finally {
      await workOnly.close();
    }
  });
});

describe("the provider buttons", () => {
  it("show on the log-in and sign-up pages when the providers are configured", async () => {
    for (const path of ["/login", "/signup"]) {
      const html = await (await env.app.newBrowser().request(path)).text();
      expect(html).toContain('href="/auth/google"');
      expect(html).toContain('href="/auth/microsoft"');
      expect(visibleText(html)).toContain("Continue with Google");
      expect(visibleText(html)).toContain("Continue with Microsoft");
    }
  });

  it("do not show, and their routes answer 404, when no provider is configured", async () => {
    const bare = await startTestApp({ db: env.db, mailbox: env.app.mailbox });
    try {
      for (const path of ["/login", "/signup"]) expect(visibleText(await (await bare.request(path)).text())).not.toContain("Continue with");
      expect((await bare.request("/auth/google")).status).toBe(404);
      expect((await bare.request("/auth/microsoft/callback?code=x&state=y")).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it("an unknown provider answers 404", async () => {
    expect((await env.app.newBrowser().request("/auth/github")).status).toBe(404);
    expect((await env.app.newBrowser().request("/auth/github/callback?code=x&state=y")).status).toBe(404);
  });

  it("a signed-in person asking to sign in again goes where they were headed", async () => {
    const browser = await signedInUser(env.app, { name: "Signed In", email: "in@example.com", password: "already signed in 42" });
    const response = await browser.request("/auth/google?redirectTo=%2Fsettings%2Faccount");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/settings/account");
  });
});
