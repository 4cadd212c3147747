import { describe, expect, it } from "vitest";
import { AppError } from "../services/errors.server";
import { listSignInMethods, unlinkIdentity } from "../services/oauth/identities.server";
import { continueWith, locationPath, holdsSession, setUpOAuthTestApp } from "../services/oauth/testing";
import { signedInUser, visibleText } from "../server/testing";

const env = setUpOAuthTestApp();
const userIdOf = async (email: string) => (await env.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

async function signUpWith(provider: "google" | "microsoft", sub: string, email: string) {
  env.provider.setUser({ sub, email, emailVerified: true, name: "Provider Person", tenantId: "9188040d-6c67-4c5b-b112-36a304b66dad" });
  const browser = env.app.newBrowser();
  await (await continueWith(browser, provider)).callback();
  const confirmed = await browser.postForm("/auth/confirm", { redirectTo: "/", ageConfirmed: true, acceptPolicies: true });
  expect(confirmed.status).toBe(302);
  return browser;
}

describe("linking a provider from Settings", () => {
  it("links Google to the signed-in account, which can then sign in with it", async () => {
    const person = { name: "Barbara Liskov", email: "barbara@example.com", password: "substitution principle 1987" };
    const browser = await signedInUser(env.app, person);
    // Another address at the provider is fine: the person proved both by being signed in to each.
    env.provider.setUser({ sub: "google-barbara", email: "barbara.personal@gmail.example", emailVerified: false, name: "Barbara" });
    const back = await (await continueWith(browser, "google", "?link=1")).callback();
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/settings/security");

    const methods = await listSignInMethods(env.db, await userIdOf(person.email));
    expect(methods.password).toBe(true);
    expect(methods.identities).toMatchObject([{ provider: "google", providerName: "Google", email: "barbara.personal@gmail.example" }]);

    const elsewhere = env.app.newBrowser();
    expect((await (await continueWith(elsewhere, "google")).callback()).status).toBe(302);
    expect(await holdsSession(env.db, elsewhere)).toBe(true);
  });

  it("asks a signed-out person to log in first", async () => {
    const response = await env.app.newBrowser().request("/auth/microsoft?link=1");
    expect(response.status).toBe(302);
    expect(locationPath(response)).toBe(`/login?redirectTo=${encodeURIComponent("/auth/microsoft?link=1")}`);
  });

  it("OAuth identity of another account is refused when linking", async () => {
    await signUpWith("microsoft", "ms-shared", "first-owner@outlook.example");
    const person = { name: "Second Owner", email: "second@example.com", password: "second owner password 9" };
    const browser = await signedInUser(env.app, person);
    env.provider.setUser({ sub: "ms-shared", email: "first-owner@outlook.example", emailVerified: true, name: "First" });
    const back = await (await continueWith(browser, "microsoft", "?link=1")).callback();
    expect(back.status).toBe(409);
    expect(visibleText(await back.text())).toContain("already signs in to another Bearing account");
    const owner = await env.db.selectFrom("oauth_accounts").select("user_id").where("subject", "=", "ms-shared").executeTakeFirstOrThrow();
    expect(owner.user_id).toBe(await userIdOf("first-owner@outlook.example"));
    expect((await listSignInMethods(env.db, await userIdOf(person.email))).identities).toEqual([]);
  });
});

describe("unlinking a provider", () => {
  it("unlinking the last way to sign in is refused", async () => {
    const browser = await signUpWith("google", "google-only", "only-google@example.com");
    const userId = await userIdOf("only-google@example.com");
    const refusal = await unlinkIdentity(env.db, userId, "google").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 409 });
    expect((await listSignInMethods(env.db, userId)).identities).toHaveLength(1);

    env.provider.setUser({ sub: "ms-second-way", email: "only-google@outlook.example", emailVerified: true, name: "Second Way" });
    expect((await (await continueWith(browser, "microsoft", "?link=1")).callback()).status).toBe(302);
    await unlinkIdentity(env.db, userId, "google");
    expect(await listSignInMethods(env.db, userId)).toMatchObject({ password: false, identities: [{ provider: "microsoft" }] });
  });

  it("removes an identity from an account that also has a password", async () => {
    const person = { name: "Frances Allen", email: "frances@example.com", password: "optimizing compilers 2006" };
    const browser = await signedInUser(env.app, person);
    env.provider.setUser({ sub: "google-frances", email: person.email, emailVerified: true, name: "Frances" });
    expect((await (await continueWith(browser, "google", "?link=1")).callback()).status).toBe(302);
    const userId = await userIdOf(person.email);
    await unlinkIdentity(env.db, userId, "google");
    expect(await listSignInMethods(env.db, userId)).toEqual({ password: true, identities: [] });
    await expect(unlinkIdentity(env.db, userId, "google")).rejects.toMatchObject({ status: 404 });
  });
});
