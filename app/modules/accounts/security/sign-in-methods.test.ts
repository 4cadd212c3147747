import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import { startTestApp, visibleText, type Browser, type TestApp } from "../../../server/testing";
import { anotherSession, sectionText, SECURITY_PAGE, seedPerson, USER_AGENTS } from "./security-page.testing";

// The shared app has no provider configured; a second app on the same database offers Google only.
const env = setUpTestApp();
let withGoogle: TestApp;

beforeAll(async () => {
  withGoogle = await startTestApp({ db: env.db, env: { GOOGLE_CLIENT_ID: "bearing-test-client", GOOGLE_CLIENT_SECRET: "bearing-test-secret" } });
});
afterAll(async () => {
  await withGoogle?.close();
});

const unlink = (browser: Browser, provider: string) => browser.postForm(SECURITY_PAGE, { intent: "unlink-identity", provider });

async function linkedProviders(userId: string) {
  const rows = await env.db.selectFrom("oauth_accounts").select("provider").where("user_id", "=", userId).orderBy("provider").execute();
  return rows.map((row) => row.provider);
}

describe("Settings → Security: sign-in methods", () => {
  it("shows the password and linked providers, and offers to link only a provider this server has", async () => {
    const { id } = await seedPerson(env.app, env.db, { name: "Katherine Johnson", email: "katherine@example.com", password: "trajectory friendship 7 orbit" });
    const here = await anotherSession(withGoogle, env.db, id, USER_AGENTS.chromeOnMac);
    const html = await (await here.request(SECURITY_PAGE)).text();
    const section = sectionText(html, "Sign-in methods");
    expect(section).toContain("Password Set: you can log in with your email and password.");
    expect(section).toContain("Google Not linked. Link");
    expect(section).not.toContain("Microsoft");
    expect(html).toContain('href="/auth/google?link=1"');
    expect(html).not.toContain("/auth/microsoft");

    const withoutProviders = await (await (await seedPerson(env.app, env.db, { name: "Dorothy Vaughan", email: "dorothy@example.com" })).browser.request(SECURITY_PAGE)).text();
    expect(withoutProviders).not.toContain("/auth/google");
  });

  it("unlinks a provider when a password remains", async () => {
    const mary = await seedPerson(env.app, env.db, { name: "Mary Jackson", email: "mary@example.com", password: "wind tunnel langley 1958", identities: ["google", "microsoft"] });
    expect(sectionText(await (await mary.browser.request(SECURITY_PAGE)).text(), "Sign-in methods")).toMatch(/Google Linked as mary@example\.com · last used just now Unlink/);

    const response = await unlink(mary.browser, "microsoft");
    expect(response.status).toBe(200);
    const section = sectionText(await response.text(), "Sign-in methods");
    expect(section).toContain("Microsoft is no longer linked to your account.");
    expect(await linkedProviders(mary.id)).toEqual(["google"]);
  });

  it("refuses to unlink the last way to sign in, with a message saying what to do", async () => {
    const annie = await seedPerson(env.app, env.db, { name: "Annie Easley", email: "annie@example.com", identities: ["google"] });
    const page = sectionText(await (await annie.browser.request(SECURITY_PAGE)).text(), "Sign-in methods");
    expect(page).toContain("Password Not set.");
    expect(page).toContain("Your only way to sign in: set a password or link another provider to unlink it.");
    expect(page).not.toMatch(/\bUnlink\b/);

    const response = await unlink(annie.browser, "google");
    expect(response.status).toBe(409);
    expect(sectionText(await response.text(), "Sign-in methods")).toContain(
      "Google is your only way to sign in, so it stays linked. Set a password above, or link another provider, first.",
    );
    expect(await linkedProviders(annie.id)).toEqual(["google"]);
  });

  it("answers 404 for a provider that is not linked or does not exist", async () => {
    const { browser, id } = await seedPerson(env.app, env.db, { name: "Christine Darden", email: "christine@example.com", password: "sonic boom 1967 wings", identities: ["google"] });
    for (const provider of ["microsoft", "github"]) {
      const response = await unlink(browser, provider);
      expect(response.status).toBe(404);
      expect(visibleText(await response.text())).toMatch(/does not exist|is not linked/);
    }
    expect(await linkedProviders(id)).toEqual(["google"]);
  });
});
