import { createHash } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../server/test-context";
import { confirmEmail, createWorkspaceAs, logIn, signedInUser, signUp, startTestApp, type Browser } from "../server/testing";

const env = setUpTestApp();
const user = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical engine notes 1843" };

beforeAll(async () => {
  await signedInUser(env.app, user);
});
function sessionCookieOf(response: Response): string {
  const header = response.headers.getSetCookie().find((h) => h.startsWith("bearing_session="));
  if (!header) throw new Error(`no session cookie in the answer (${response.status})`);
  return header;
}
const valueOf = (header: string) => header.split(";")[0]!.slice("bearing_session=".length);
const attributesOf = (header: string) => header.split(";").slice(1).map((a) => a.trim());

/** Whether a request with this browser's cookie is treated as signed in. */
async function signedIn(browser: Browser): Promise<boolean> {
  const response = await browser.request("/w/new");
  if (response.status === 200) return true;
  expect(response.headers.get("location")).toMatch(/^\/login/);
  return false;
}

const sessionRows = () => env.db.selectFrom("sessions").selectAll().execute();

describe("privacy promise 6: the only cookie is the essential session cookie", () => {
  it("sets no cookie but bearing_session across sign-up, verification, login, workspace creation and logout", async () => {
    const person = { name: "Cookie Monitor", email: "cookies@example.com", password: "shortbread harbour 4471 tide" };
    const browser = env.app.newBrowser();
    const visit = (path: string) => browser.request(path);

    await visit("/");
    await visit("/signup");
    const since = Date.now();
    expect((await signUp(browser, person)).status).toBe(302);
    await visit("/verify-email?sent=1");
    await confirmEmail(env.app, browser, person.email, since);
    const slug = await createWorkspaceAs(browser, "Cookie Jar");
    await visit(`/w/${slug}`);
    await visit(`/w/${slug}/settings/members`);
    expect((await browser.postForm("/logout", {})).status).toBe(302);
    await visit("/login");
    expect((await logIn(browser, person)).status).toBe(302);
    await visit("/privacy");

    expect(browser.setCookieHeaders.length).toBeGreaterThanOrEqual(3);
    expect(browser.setCookieHeaders.map((header) => header.split("=")[0])).toEqual(
      browser.setCookieHeaders.map(() => "bearing_session"),
    );
    expect([...browser.cookies.keys()]).toEqual(["bearing_session"]);
  });
});

describe("sessions", () => {
  it("sends the session in one HttpOnly, SameSite=Lax cookie for the whole site, without Secure outside production", async () => {
    const header = sessionCookieOf(await logIn(env.app.newBrowser(), user));
    const attributes = attributesOf(header);
    expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax"]));
    expect(attributes.filter((a) => /^secure$/i.test(a))).toEqual([]);
    const expires = Date.parse(attributes.find((a) => a.startsWith("Expires="))!.slice("Expires=".length));
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
  });

  it("marks the cookie Secure in production", async () => {
    const production = await startTestApp({ db: env.db, mode: "production", mailbox: env.app.mailbox });
    try {
      const attributes = attributesOf(sessionCookieOf(await logIn(production.newBrowser(), user)));
      expect(attributes).toEqual(expect.arrayContaining(["Path=/", "HttpOnly", "SameSite=Lax", "Secure"]));
    } finally {
      await production.close();
    }
  });

  it("keeps only a SHA-256 hash of the cookie's secret in the sessions table", async () => {
    const token = valueOf(sessionCookieOf(await logIn(env.app.newBrowser(), user)));
    const [id, secret] = token.split(".");
    const { rows } = await sql<{ row: string }>`select s::text as row from sessions s`.execute(env.db);
    const table = rows.map((r) => r.row).join("\n");
    expect(table).not.toContain(token);
    expect(table).not.toContain(secret);
    const row = await env.db.selectFrom("sessions").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(Buffer.from(row.secret_hash).equals(createHash("sha256").update(secret!).digest())).toBe(true);
  });

  it("starts a new session at every login, and never reuses a cookie set before it", async () => {
    const first = valueOf(sessionCookieOf(await logIn(env.app.newBrowser(), user)));
    const second = valueOf(sessionCookieOf(await logIn(env.app.newBrowser(), user)));
    expect(second).not.toBe(first);

    // A session id planted by someone else before the login (session fixation) is not adopted.
    const planted = env.app.newBrowser();
    planted.cookies.set("bearing_session", "plantedbyanattacker.0123456789abcdefghij");
    const afterLogin = valueOf(sessionCookieOf(await logIn(planted, user)));
    expect(afterLogin).not.toContain("plantedbyanattacker");

    // Logging in again from a signed-in browser replaces its session: the old cookie stops working.
    const browser = env.app.newBrowser();
    const before = valueOf(sessionCookieOf(await logIn(browser, user)));
    const after = valueOf(sessionCookieOf(await logIn(browser, user)));
    expect(after).not.toBe(before);
    const stale = env.app.newBrowser();
    stale.cookies.set("bearing_session", before);
    expect(await signedIn(stale)).toBe(false);
    expect(await signedIn(browser)).toBe(true);
  });

  it("deletes the session at logout, so its cookie no longer signs anyone in", async () => {
    const browser = env.app.newBrowser();
    const token = valueOf(sessionCookieOf(await logIn(browser, user)));
    const id = token.split(".")[0]!;
    expect(await signedIn(browser)).toBe(true);

    const logout = await browser.postForm("/logout", {});
    expect(logout.status).toBe(302);
    expect(logout.headers.get("location")).toBe("/login");
    expect(attributesOf(sessionCookieOf(logout))).toContain("Max-Age=0");
    expect((await sessionRows()).map((s) => s.id)).not.toContain(id);

    const replay = env.app.newBrowser();
    replay.cookies.set("bearing_session", token);
    expect(await signedIn(replay)).toBe(false);
  });

  it("refuses an expired session and deletes it", async () => {
    const browser = env.app.newBrowser();
    const id = valueOf(sessionCookieOf(await logIn(browser, user))).split(".")[0]!;
    await env.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 60_000) }).where("id", "=", id).execute();
    expect(await signedIn(browser)).toBe(false);
    expect((await sessionRows()).map((s) => s.id)).not.toContain(id);
  });

  it("slides the 30-day expiry forward when the session is used", async () => {
    const browser = env.app.newBrowser();
    const id = valueOf(sessionCookieOf(await logIn(browser, user))).split(".")[0]!;
    await env.db.updateTable("sessions").set({ expires_at: new Date(Date.now() + 10 * 86_400_000) }).where("id", "=", id).execute();

    const response = await browser.request("/w/new");
    expect(response.status).toBe(200);
    const expires = Date.parse(attributesOf(sessionCookieOf(response)).find((a) => a.startsWith("Expires="))!.slice(8));
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
    const row = await env.db.selectFrom("sessions").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(Math.round((row.expires_at.getTime() - Date.now()) / 86_400_000)).toBe(30);
  });

  it("refuses a cookie whose secret does not match, even with a real session id", async () => {
    const id = valueOf(sessionCookieOf(await logIn(env.app.newBrowser(), user))).split(".")[0]!;
    const forger = env.app.newBrowser();
    forger.cookies.set("bearing_session", `${id}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`);
    expect(await signedIn(forger)).toBe(false);
  });
});
