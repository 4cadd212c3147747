import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { MICROSOFT_CONSUMER_TENANT_ID } from "../../e2e/fakes/oidc/server";
import { signedInUser, visibleText } from "../server/testing";
import { continueWith, holdsSession, setUpOAuthTestApp } from "../services/oauth/testing";

// OpenID Connect Core §5.4: with the code flow, a provider may put the claims of the `email` and
// `profile` scopes in the userinfo answer only. The fake provider does that when told to.

const env = setUpOAuthTestApp();
const userByEmail = (email: string) => env.db.selectFrom("users").selectAll().where(sql`lower(email)`, "=", email.toLowerCase()).executeTakeFirst();
const pendingSignup = (email: string) => env.db.selectFrom("oauth_signups").selectAll().where("email", "=", email).executeTakeFirst();

async function signUpThrough(provider: "google" | "microsoft") {
  const browser = env.app.newBrowser();
  const back = await (await continueWith(browser, provider)).callback();
  expect(back.status).toBe(302);
  expect(back.headers.get("location")).toMatch(/^\/auth\/confirm/);
  const confirmed = await browser.postForm("/auth/confirm", { redirectTo: "/", ageConfirmed: true, acceptPolicies: true });
  expect(confirmed.status).toBe(302);
  return browser;
}

describe("claims from the userinfo endpoint when the ID token leaves them out", () => {
  it("Google: email, email_verified and name come from userinfo, and a verified address signs up confirmed", async () => {
    env.provider.setUser({ sub: "google-userinfo-only", email: "ui.google@example.com", emailVerified: true, name: "Uma Userinfo", picture: true, claimsOnlyAtUserinfo: true });
    const browser = await signUpThrough("google");
    expect(await holdsSession(env.db, browser)).toBe(true);
    const user = await userByEmail("ui.google@example.com");
    expect(user).toMatchObject({ name: "Uma Userinfo" });
    expect(user?.email_verified_at).toBeInstanceOf(Date);
    expect(user?.avatar_url).toMatch(/^data:image\/png;base64,/);
  });

  it("Google: an address userinfo says is unverified stays unverified, and never links to the account that has it", async () => {
    const person = { name: "Vera Verified", email: "vera@example.com", password: "userinfo says otherwise 7" };
    await signedInUser(env.app, person);
    env.provider.setUser({ sub: "google-not-vera", email: person.email, emailVerified: false, name: "Not Vera", claimsOnlyAtUserinfo: true });
    const back = await (await continueWith(env.app.newBrowser(), "google")).callback();
    expect(back.status).toBe(409);
    expect(visibleText(await back.text())).toContain("Log in with your password first");
  });

  it("Google: a verified address from userinfo links to the existing account with it", async () => {
    const person = { name: "Lin Linked", email: "lin@example.com", password: "linked through userinfo 9" };
    await signedInUser(env.app, person);
    env.provider.setUser({ sub: "google-lin", email: person.email, emailVerified: true, name: "Lin", claimsOnlyAtUserinfo: true });
    const browser = env.app.newBrowser();
    expect((await (await continueWith(browser, "google")).callback()).status).toBe(302);
    expect(await holdsSession(env.db, browser)).toBe(true);
    const identities = await env.db.selectFrom("oauth_accounts").select(["subject", "email"]).where("user_id", "=", (await userByEmail(person.email))!.id).execute();
    expect(identities).toEqual([{ subject: "google-lin", email: person.email }]);
  });

  it("Microsoft: the email comes from userinfo; a personal account's counts as verified, as in the ID token", async () => {
    env.provider.setUser({ sub: "ms-personal-userinfo", email: "ui.personal@outlook.example", emailVerified: true, name: "Pat Personal", tenantId: MICROSOFT_CONSUMER_TENANT_ID, claimsOnlyAtUserinfo: true });
    await signUpThrough("microsoft");
    const user = await userByEmail("ui.personal@outlook.example");
    expect(user).toMatchObject({ name: "Pat Personal" });
    expect(user?.email_verified_at).toBeInstanceOf(Date);
  });

  it("Microsoft: a work account's email from userinfo counts as verified only with xms_edov in the ID token", async () => {
    env.provider.setUser({ sub: "ms-work-unproven", email: "ui.work@contoso.example", emailVerified: false, name: "Wes Work", claimsOnlyAtUserinfo: true });
    await signUpThrough("microsoft");
    expect((await userByEmail("ui.work@contoso.example"))?.email_verified_at).toBeNull();

    env.provider.setUser({ sub: "ms-work-proven", email: "ui.edov@contoso.example", emailVerified: true, name: "Eda Edov", claimsOnlyAtUserinfo: true });
    await signUpThrough("microsoft");
    expect((await userByEmail("ui.edov@contoso.example"))?.email_verified_at).toBeInstanceOf(Date);
  });

  it("a userinfo answer about another subject is refused, for Google and Microsoft alike", async () => {
    for (const provider of ["google", "microsoft"] as const) {
      const email = `mismatch-${provider}@example.com`;
      env.provider.setUser({ sub: `${provider}-asked`, userinfoSubject: `${provider}-someone-else`, email, emailVerified: true, name: "Mis Match", tenantId: MICROSOFT_CONSUMER_TENANT_ID, claimsOnlyAtUserinfo: true });
      const browser = env.app.newBrowser();
      const back = await (await continueWith(browser, provider)).callback();
      expect(back.status).toBe(400);
      expect(visibleText(await back.text())).toContain(`The answer from ${provider === "google" ? "Google" : "Microsoft"} did not check out`);
      expect(await holdsSession(env.db, browser)).toBe(false);
      expect(await pendingSignup(email)).toBeUndefined();
      expect(await userByEmail(email)).toBeUndefined();
    }
    expect(env.app.logs.filter((line) => line.includes("userinfo answered for another subject"))).toHaveLength(2);
  });
});
