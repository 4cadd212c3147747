import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import { signedInUser, visibleText, type Browser, type TestUser } from "../../../server/testing";
import { anotherSession, isSignedIn, logInFrom, sectionText, SECURITY_PAGE, seedPerson, USER_AGENTS } from "./security-page.testing";

const env = setUpTestApp();

let marie: TestUser;
let marieId: string;
let onMac: Browser;

beforeAll(async () => {
  marie = { name: "Marie Curie", email: "marie@example.com", password: "polonium radium 1898 sorbonne" };
  await signedInUser(env.app, marie);
  onMac = await logInFrom(env.app, marie, USER_AGENTS.chromeOnMac);
  ({ id: marieId } = await env.db.selectFrom("users").select("id").where("email", "=", marie.email).executeTakeFirstOrThrow());
});

async function sessionsSection(browser: Browser) {
  const response = await browser.request(SECURITY_PAGE);
  expect(response.status).toBe(200);
  return sectionText(await response.text(), "Sessions");
}

/** The id of the account's session made with this User-Agent, as the page's "Sign out" form carries it. */
async function sessionIdOf(userId: string, userAgent: string) {
  const row = await env.db.selectFrom("sessions").select("id").where("user_id", "=", userId).where("user_agent", "=", userAgent).executeTakeFirstOrThrow();
  return row.id;
}

const signOutSession = (browser: Browser, sessionId: string) => browser.postForm(SECURITY_PAGE, { intent: "sign-out-session", sessionId });

describe("Settings → Security: sessions", () => {
  it("lists each signed-in device with its network and times, this one marked, and not a session still waiting for its second factor", async () => {
    const onIphone = await logInFrom(env.app, marie, USER_AGENTS.safariOnIphone);
    const edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86";
    const pending = await anotherSession(env.app, env.db, marieId, edge);
    await env.db.updateTable("sessions").set({ two_factor_pending: true }).where("id", "=", await sessionIdOf(marieId, edge)).execute();

    const section = await sessionsSection(onMac);
    // This device first; the exact time in UTC next to the relative one.
    expect(section).toMatch(/^Sessions The devices signed in to your account\. .*? Chrome on macOS This device Signed in just now · \d+ \w+ \d{4}, \d\d:\d\d UTC Last seen now Approximate location network 127\.0\.0\.0 Safari/);
    expect(section).toMatch(/Safari on iPhone Signed in just now · .* UTC Last seen today Approximate location network 127\.0\.0\.0 Sign out/);
    expect(section).not.toContain("Edge on Windows");
    expect(section.match(/This device/g)).toHaveLength(1);
    expect(await sessionsSection(onIphone)).toMatch(/Safari on iPhone This device/);
    // …and it opens nothing here until the second factor is given.
    expect(await isSignedIn(pending)).toBe(false);
  });

  it("signs out another device: that browser is logged out, this one stays", async () => {
    const onLinux = await logInFrom(env.app, marie, USER_AGENTS.firefoxOnLinux);
    const response = await signOutSession(onMac, await sessionIdOf(marieId, USER_AGENTS.firefoxOnLinux));
    expect(response.status).toBe(200);
    const section = sectionText(await response.text(), "Sessions");
    expect(section).toContain("Firefox on Linux is signed out.");
    expect(section).not.toMatch(/Firefox on Linux Signed in/);
    expect(await isSignedIn(onLinux)).toBe(false);
    expect(await isSignedIn(onMac)).toBe(true);
  });

  it("answers 404 for another person's session id, or this one's, and ends nothing", async () => {
    const pierre = await seedPerson(env.app, env.db, { name: "Pierre Curie", email: "pierre@example.com" });
    const hisSession = await sessionIdOf(pierre.id, USER_AGENTS.chromeOnMac);
    const answer = await signOutSession(onMac, hisSession);
    expect(answer.status).toBe(404);
    expect(visibleText(await answer.text())).toContain("This session does not exist, or you do not have access to it.");
    expect(await isSignedIn(pierre.browser)).toBe(true);

    const unknown = await signOutSession(onMac, "nosuchsessionid");
    expect(unknown.status).toBe(404);
    // "Sign out" is for other devices; this one logs out from the log-out page.
    const own = await signOutSession(onMac, await sessionIdOf(marieId, USER_AGENTS.chromeOnMac));
    expect(own.status).toBe(404);
    expect(await isSignedIn(onMac)).toBe(true);
  });

  it("signs out everywhere else at once, and only this account's other sessions", async () => {
    const others = [await logInFrom(env.app, marie, USER_AGENTS.firefoxOnLinux), await anotherSession(env.app, env.db, marieId, "curl/8.5.0")];
    const irene = await seedPerson(env.app, env.db, { name: "Irène Joliot-Curie", email: "irene@example.com" });

    const response = await onMac.postForm(SECURITY_PAGE, { intent: "sign-out-other-sessions" });
    expect(response.status).toBe(200);
    const section = sectionText(await response.text(), "Sessions");
    expect(section).toMatch(/Signed out everywhere else \(\d+ sessions\)\. This device stays signed in\./);
    expect(section).toContain("No other device is signed in.");
    for (const browser of others) expect(await isSignedIn(browser)).toBe(false);
    expect(await isSignedIn(onMac)).toBe(true);
    expect(await isSignedIn(irene.browser)).toBe(true);
  });
});
