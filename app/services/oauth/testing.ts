import { afterAll, beforeAll, expect } from "vitest";
import type { Database } from "../../../db/database";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { startFakeOidc, type FakeOidc, type FakeOidcUser } from "../../../e2e/fakes/oidc/server";
import { logIn, signUp, startTestApp, type Browser, type TestApp, type TestUser } from "../../server/testing";
import { SESSION_COOKIE } from "../session.server";
import { replaceRecoveryCodes } from "../two-factor/recovery-codes.server";
import { encryptTotpKey, generateTotpKey } from "../two-factor/totp-key.server";

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
  return (await sessionUserId(db, browser)) !== null;
}

/** Whose account the browser's session cookie opens, if any. */
export async function sessionUserId(db: Database, browser: Browser): Promise<string | null> {
  const [id] = browser.cookies.get(SESSION_COOKIE)?.split(".") ?? [];
  const session = id ? await db.selectFrom("sessions").select("user_id").where("id", "=", id).executeTakeFirst() : undefined;
  return session?.user_id ?? null;
}

export interface SquattedAccount extends TestUser {
  id: string;
  /** The squatter's browser, signed in to the account with its password. */
  browser: Browser;
  /** The squatter's own Google account, linked to this one. */
  google: FakeOidcUser;
}

/**
 * Account pre-hijacking, as issue 12 found it: someone signs up with another person's address, never
 * confirms it, signs in, links their own Google account and turns on two-factor authentication with
 * their own key (and chooses an AI endpoint the page's CSP then allows). Linking and two-factor now
 * need a confirmed address, so the identity, key and recovery codes are written straight to the
 * database, as an account squatted before that rule would hold them.
 */
export async function squattedAccount(env: { app: TestApp; db: Database }, email: string): Promise<SquattedAccount> {
  const squatter = { name: "Not The Owner", email, password: "squatters password 4711 here" };
  expect((await signUp(env.app.newBrowser(), squatter)).status).toBe(302);
  const browser = env.app.newBrowser();
  expect((await logIn(browser, squatter)).status).toBe(302);
  const { id } = await env.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();

  const google = { sub: `google-squatter-of-${email}`, email: `squatter.${email.replace("@", ".")}@gmail.example`, emailVerified: true, name: "Squatter" };
  await env.db.insertInto("oauth_accounts").values({ user_id: id, provider: "google", subject: google.sub, email: google.email }).execute();
  const key = encryptTotpKey(env.app.config.encryptionMasterKey, id, generateTotpKey());
  await env.db.updateTable("users").set({ totp_key: key, totp_enabled_at: new Date(), totp_last_step: 1, ai_endpoints: ["https://llm.squatter.example"] }).where("id", "=", id).execute();
  await replaceRecoveryCodes(env.db, id);
  return { ...squatter, id, browser, google };
}

/** What of an account a squatter could have set up, as it stands. */
export async function squatterHoldings(db: Database, userId: string) {
  const [user, identities, recoveryCodes, sessions] = await Promise.all([
    db.selectFrom("users").select(["password_hash", "totp_key", "totp_enabled_at", "totp_last_step", "ai_endpoints"]).where("id", "=", userId).executeTakeFirstOrThrow(),
    db.selectFrom("oauth_accounts").select("subject").where("user_id", "=", userId).orderBy("subject").execute(),
    db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", userId).execute(),
    db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute(),
  ]);
  return {
    identities: identities.map((identity) => identity.subject),
    totpKey: user.totp_key !== null,
    twoFactorOn: user.totp_enabled_at !== null,
    totpLastStep: user.totp_last_step,
    recoveryCodes: recoveryCodes.length,
    sessions: sessions.length,
    aiEndpoints: user.ai_endpoints,
  };
}
