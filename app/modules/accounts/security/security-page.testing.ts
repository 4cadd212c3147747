import type { Database } from "../../../../db/database";
import type { OAuthProvider } from "../../../../db/schema";
import type { Browser, TestApp, TestUser } from "../../../server/testing";
import { visibleText } from "../../../server/testing";
import { hashPassword } from "../../../services/password.server";
import { createSession, SESSION_COOKIE } from "../../../services/session.server";
import { POLICY_VERSION } from "../policies";

export const SECURITY_PAGE = "/settings/security";

export const USER_AGENTS = {
  chromeOnMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  firefoxOnLinux: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safariOnIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1",
};

/** Logs in through the real form, as a given browser would (its User-Agent header included). */
export async function logInFrom(app: TestApp, user: Pick<TestUser, "email" | "password">, userAgent: string): Promise<Browser> {
  const browser = app.newBrowser();
  const response = await browser.request("/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": userAgent },
    body: new URLSearchParams({ email: user.email, password: user.password }),
  });
  if (response.status !== 302) throw new Error(`Logging in ${user.email} answered ${response.status}`);
  return browser;
}

/**
 * A person written straight to the database (the login fixture pattern), with a password or not
 * and the provider identities given, and one signed-in browser.
 */
export async function seedPerson(
  app: TestApp,
  db: Database,
  person: { name: string; email: string; password?: string; identities?: OAuthProvider[] },
): Promise<{ id: string; browser: Browser }> {
  const now = new Date();
  const { id } = await db
    .insertInto("users")
    .values({
      name: person.name,
      email: person.email,
      password_hash: person.password ? await hashPassword(person.password) : null,
      email_verified_at: now,
      age_confirmed_at: now,
      policies_accepted_at: now,
      policy_version: POLICY_VERSION,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const provider of person.identities ?? []) {
    await db.insertInto("oauth_accounts").values({ user_id: id, provider, subject: `${provider}-${id}`, email: person.email }).execute();
  }
  return { id, browser: await anotherSession(app, db, id, USER_AGENTS.chromeOnMac) };
}

/** One more browser signed in to the account, as if it had logged in from that device. */
export async function anotherSession(app: TestApp, db: Database, userId: string, userAgent: string, ipPrefix = "203.0.113.0"): Promise<Browser> {
  const browser = app.newBrowser();
  const { token } = await createSession(db, userId, { userAgent, ipPrefix });
  browser.cookies.set(SESSION_COOKIE, token);
  return browser;
}

/** The visible text of the page's `<section>` named by the heading `title` (through aria-labelledby). */
export function sectionText(html: string, title: string): string {
  for (const match of html.matchAll(/<section\b[^>]*aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)) {
    const [, headingId, body = ""] = match;
    const heading = body.match(new RegExp(`<h2\\b[^>]*id="${headingId}"[^>]*>([\\s\\S]*?)</h2>`))?.[1];
    if (heading !== undefined && visibleText(heading) === title) return visibleText(body);
  }
  throw new Error(`No section headed "${title}" on the page`);
}

/** Whether this browser is still signed in: the security page opens instead of sending it to log in. */
export async function isSignedIn(browser: Browser): Promise<boolean> {
  const response = await browser.request(SECURITY_PAGE);
  if (response.status === 200) return true;
  if (response.status === 302 && response.headers.get("location")?.startsWith("/login")) return false;
  throw new Error(`${SECURITY_PAGE} answered ${response.status}`);
}
