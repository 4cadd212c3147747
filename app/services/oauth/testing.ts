import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../../db/database";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startFakeOidc, type FakeOidc } from "../../../e2e/fakes/oidc/server";
import { startTestApp, type Browser, type TestApp } from "../../server/testing";
import { SESSION_COOKIE } from "../session.server";

export interface OAuthTestEnv {
  database: TestDatabase;
  db: Database;
  /** The fake Google / Microsoft (e2e/fakes/oidc), registered with the app's callback URLs. */
  provider: FakeOidc;
  /** The app with both providers configured and pointed at the fake. */
  app: TestApp;
}

/** Like setUpTestApp, with the fake OpenID provider started first and the app's config pointed at it. */
export function setUpOAuthTestApp(): OAuthTestEnv {
  const env = {} as OAuthTestEnv;
  beforeAll(async () => {
    env.database = await createTestDatabase();
    env.db = env.database.db;
    env.provider = await startFakeOidc();
    env.app = await startTestApp({ db: env.db, env: env.provider.env() });
    env.provider.allowRedirectUris(`${env.app.url}/auth/google/callback`, `${env.app.url}/auth/microsoft/callback`);
  });
  afterAll(async () => {
    await env.app?.close();
    await env.provider?.close();
    await env.database?.drop();
  });
  return env;
}

/** The path and query of a redirect's target, for the browser to follow on our app. */
export function locationPath(response: Response): string {
  const location = response.headers.get("location");
  if (!location) throw new Error(`Expected a redirect, got ${response.status}`);
  const url = new URL(location, "http://app.invalid");
  return url.pathname + url.search;
}

/**
 * "Continue with …" as a browser does it: our app sends it to the provider, the provider (which
 * auto-approves as its current user) sends it back towards the callback. The callback itself is
 * left to the caller (`callback()`), who may also tamper with `callbackPath` first.
 */
export async function continueWith(browser: Browser, provider: "google" | "microsoft", query = "") {
  const start = await browser.request(`/auth/${provider}${query}`);
  if (start.status !== 302) throw new Error(`/auth/${provider} answered ${start.status}`);
  const authorizationUrl = new URL(start.headers.get("location")!);
  const authorize = await fetch(authorizationUrl, { redirect: "manual" });
  if (authorize.status !== 302) throw new Error(`The provider's authorize endpoint answered ${authorize.status}: ${await authorize.text()}`);
  const callbackPath = locationPath(authorize);
  return { start, authorizationUrl, callbackPath, callback: () => browser.request(callbackPath) };
}

/**
 * Whether the browser's session cookie opens a session. Not merely whether it has one: a signed-out
 * browser's session cookie carries its sign-in flow's token (app/services/browser-flows.server.ts).
 */
export async function holdsSession(db: Database, browser: Browser): Promise<boolean> {
  const [id] = browser.cookies.get(SESSION_COOKIE)?.split(".") ?? [];
  return Boolean(id && (await db.selectFrom("sessions").select("id").where("id", "=", id).executeTakeFirst()));
}
