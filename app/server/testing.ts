import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Database } from "../../db/database";
import { findFreePort } from "../../db/embedded";
import { linkIn, startMailbox, type Mailbox } from "../../e2e/support/mailbox";
import { createMailer } from "../services/email.server";
import { loadConfig, type Config } from "../services/env.server";
import { startJobQueue } from "../services/jobs/queue.server";
import { createLogger } from "../services/logger.server";
import { createApp } from "./app";
import { BACKGROUND_JOBS } from "./background-jobs";

/**
 * HTTP-level tests against the real thing: the production Remix build, the Express app of
 * app/server/app.ts, a real database, real SMTP. Only the port, the secrets and the log
 * destination differ from `npm start`.
 */

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILD_PATH = join(REPO_ROOT, "build", "index.js");

// Fixed, so that two instances started by one test behave as one deployment behind a load
// balancer: rate-limit subjects are fingerprinted with the session secret.
const TEST_SECRETS = {
  SESSION_SECRET: "bearing-test-session-secret-0123456789abcdef",
  ENCRYPTION_MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export interface TestAppOptions {
  db: Database;
  /** "production" turns on Secure cookies and HSTS. */
  mode?: "test" | "development" | "production";
  /** The interface to listen on (HOST): 127.0.0.1 unless a test needs a client from another address. */
  host?: string;
  /** Share one SMTP server between apps; without it the app gets (and closes) its own. */
  mailbox?: Mailbox;
  env?: Record<string, string>;
  /** Run background jobs as `npm start` does: a working queue on this database (its URL), handed every kind the server runs. */
  jobs?: { databaseUrl: string };
}

export interface TestApp extends Browser {
  url: string;
  config: Config;
  /** Every JSON log line the app wrote, as written. */
  logs: string[];
  mailbox: Mailbox;
  /** Another browser, with a cookie jar of its own. */
  newBrowser(): Browser;
  close(): Promise<void>;
}

export type FormFields = Record<string, string | boolean | undefined>;

export interface Browser {
  /** Cookies this browser would send, by name. */
  cookies: Map<string, string>;
  /** Every Set-Cookie header this browser received, in order. */
  setCookieHeaders: string[];
  /** Sends `Origin` on non-GET requests and the jar's cookies; never follows redirects. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A plain HTML form post (no JavaScript): Remix answers with a document or a real redirect. */
  postForm(path: string, fields: FormFields): Promise<Response>;
}

let serverBuild: Promise<ServerBuild> | undefined;

function loadServerBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD_PATH)) throw new Error(`No server build at ${BUILD_PATH}: run \`npm run build\` first.`);
  serverBuild ??= import(/* @vite-ignore */ pathToFileURL(BUILD_PATH).href) as Promise<ServerBuild>;
  return serverBuild;
}

export async function startTestApp({ db, mode = "test", host = "127.0.0.1", mailbox: sharedMailbox, env = {}, jobs: runJobs }: TestAppOptions): Promise<TestApp> {
  const build = await loadServerBuild();
  const mailbox = sharedMailbox ?? (await startMailbox());
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: mode,
    PORT: String(port),
    HOST: host,
    APP_URL: url,
    SMTP_URL: mailbox.smtpUrl,
    LOG_LEVEL: "debug",
    ...TEST_SECRETS,
    ...env,
  });
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, { write: (line: string) => void logs.push(line) });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.emailFrom }, logger);
  const jobs = runJobs
    ? await startJobQueue({ databaseUrl: runJobs.databaseUrl, db, logger, config, handlers: BACKGROUND_JOBS, pollingIntervalSeconds: 1, maintenanceIntervalSeconds: 1 })
    : null;
  const app = createApp({ build, db, config, logger, mailer, jobs, publicDir: join(REPO_ROOT, "public") });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening)).on("error", reject);
  });
  const browser = createBrowser(url);

  return {
    ...browser,
    url,
    config,
    logs,
    mailbox,
    newBrowser: () => createBrowser(url),
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await jobs?.stop();
      if (!sharedMailbox) await mailbox.close();
    },
  };
}

export function createBrowser(appUrl: string): Browser {
  const origin = new URL(appUrl).origin;
  const cookies = new Map<string, string>();
  const setCookieHeaders: string[] = [];

  const request = async (path: string, init: RequestInit = {}) => {
    const method = (init.method ?? "GET").toUpperCase();
    const headers = new Headers(init.headers);
    if (method !== "GET" && method !== "HEAD" && !headers.has("origin")) headers.set("origin", origin);
    if (cookies.size && !headers.has("cookie")) {
      headers.set("cookie", [...cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const response = await fetch(new URL(path, appUrl), { ...init, method, headers, redirect: "manual" });
    for (const header of response.headers.getSetCookie()) {
      setCookieHeaders.push(header);
      const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /^max-age=0$/i.test(a)) || value.join("=") === "";
      if (expired) cookies.delete(name);
      else cookies.set(name, value.join("="));
    }
    return response;
  };

  const postForm = (path: string, fields: FormFields) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined || value === false) continue;
      body.append(name, value === true ? "on" : value);
    }
    return request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  };

  return { cookies, setCookieHeaders, request, postForm };
}

/** What a reader sees of a page: its text without markup, scripts or styles, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The messages under one field of a conform form (`<ul id="…-<field>-error">`), as a reader sees them. */
export function fieldErrors(html: string, field: string): string[] {
  const list = html.match(new RegExp(`<ul id="[^"]*-${field}-error"[^>]*>([\\s\\S]*?)</ul>`))?.[1] ?? "";
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => visibleText(item[1] ?? ""));
}

/** A page with what legitimately differs between two answers (the CSP nonce) blanked out. */
export function withoutNonces(html: string): string {
  return html.replace(/nonce="[^"]*"/g, 'nonce=""');
}

export interface TestUser {
  name: string;
  email: string;
  password: string;
}

/** Fills in the sign-up form as a person would: both boxes ticked unless `fields` says otherwise. */
export function signUp(browser: Browser, user: TestUser, fields: FormFields = {}) {
  return browser.postForm("/signup", { ...user, ageConfirmed: true, acceptPolicies: true, ...fields });
}

export function logIn(browser: Browser, user: Pick<TestUser, "email" | "password">, fields: FormFields = {}) {
  return browser.postForm("/login", { email: user.email, password: user.password, ...fields });
}

/**
 * Waits for the email to `to` whose subject matches, and returns the first link in it that points
 * at `path` on this app, with its token.
 */
export async function linkFromEmail(app: TestApp, to: string, subject: RegExp, path: string, since = 0) {
  const email = await app.mailbox.waitFor(to, { subject, since });
  const link = new URL(linkIn(email, `${app.url}${path}`));
  return { email, link, path: link.pathname + link.search, token: link.searchParams.get("token") ?? link.pathname.split("/").pop()! };
}

/** Opens the verification link and presses "Confirm my email", as the page's form does. */
export async function confirmEmail(app: TestApp, browser: Browser, to: string, since = 0) {
  const { link, path, token } = await linkFromEmail(app, to, /Confirm your email/, "/verify-email", since);
  const page = await browser.request(path);
  if (page.status !== 200) throw new Error(`The verification page answered ${page.status}`);
  const response = await browser.postForm(path, { token, redirectTo: link.searchParams.get("redirectTo") ?? "/" });
  return { response, token, link };
}

/** A new browser holding the session of a freshly signed-up, verified user. */
export async function signedInUser(app: TestApp, user: TestUser): Promise<Browser> {
  const browser = app.newBrowser();
  const since = Date.now();
  const signup = await signUp(browser, user);
  if (signup.status !== 302) throw new Error(`Sign-up of ${user.email} answered ${signup.status}: ${visibleText(await signup.text())}`);
  const { response } = await confirmEmail(app, browser, user.email, since);
  if (response.status !== 302) throw new Error(`Confirming ${user.email} answered ${response.status}`);
  return browser;
}

/** Creates a workspace through its form and returns its slug. */
export async function createWorkspaceAs(browser: Browser, name: string): Promise<string> {
  const response = await browser.postForm("/w/new", { name });
  const slug = response.headers.get("location")?.match(/^\/w\/([^/?]+)$/)?.[1];
  if (response.status !== 302 || !slug) throw new Error(`Creating workspace "${name}" answered ${response.status}`);
  return slug;
}
