import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "./test-context";
import { fieldErrors, logIn, signUp, startTestApp, visibleText, type TestApp } from "./testing";

const env = setUpTestApp();
let production: TestApp;
const user = { name: "Origin Tester", email: "origin@example.com", password: "crossing guard 5150 lighthouse" };

beforeAll(async () => {
  production = await startTestApp({ db: env.db, mode: "production", mailbox: env.app.mailbox });
  expect((await signUp(env.app, user)).status).toBe(302);
});
afterAll(async () => {
  await production?.close();
});

const loginForm = () =>
  new URLSearchParams({ email: user.email, password: user.password });

describe("the Origin check", () => {
  it("refuses POST /login from another origin with 403, and signs no one in", async () => {
    const response = await fetch(`${env.app.url}/login`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: loginForm(),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("refuses POST /login without an Origin header with 403", async () => {
    const response = await fetch(`${env.app.url}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: loginForm(),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("refuses an origin that differs only by port or scheme", async () => {
    const { port } = new URL(env.app.url);
    for (const origin of [`http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`, "null"]) {
      const response = await env.app.request("/login", { method: "POST", headers: { origin }, body: loginForm() });
      expect(response.status, origin).toBe(403);
    }
  });

  it("outside production, processes POST /login from the address the page was opened at, not only APP_URL", async () => {
    const development = await startTestApp({ db: env.db, mode: "development", mailbox: env.app.mailbox, env: { APP_URL: "http://localhost:3000" } });
    try {
      // Opened at http://127.0.0.1:PORT: the browser sends that as Origin, and 127.0.0.1:PORT as Host.
      const response = await logIn(development.newBrowser(), user);
      expect(new URL(development.url).origin).not.toBe(development.config.appUrl.origin);
      expect(response.status).toBe(302);
      expect(response.headers.getSetCookie()).toHaveLength(1);
    } finally {
      await development.close();
    }
  });

  it("outside production, still refuses an Origin that is neither APP_URL nor the request's own Host", async () => {
    const development = await startTestApp({ db: env.db, mode: "development", mailbox: env.app.mailbox, env: { APP_URL: "http://localhost:3000" } });
    try {
      const { port } = new URL(development.url);
      for (const origin of [`http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`, "https://evil.example", "null"]) {
        const response = await development.request("/login", { method: "POST", headers: { origin }, body: loginForm() });
        expect(response.status, origin).toBe(403);
        expect(response.headers.getSetCookie(), origin).toEqual([]);
      }
      const withoutOrigin = await fetch(`${development.url}/login`, { method: "POST", body: loginForm(), redirect: "manual" });
      expect(withoutOrigin.status).toBe(403);
    } finally {
      await development.close();
    }
  });

  it("in production, refuses a post from its own Host when that is not APP_URL", async () => {
    const behindWrongUrl = await startTestApp({ db: env.db, mode: "production", mailbox: env.app.mailbox, env: { APP_URL: "https://bearing.example.com" } });
    try {
      const response = await logIn(behindWrongUrl.newBrowser(), user);
      expect(response.status).toBe(403);
      expect(response.headers.getSetCookie()).toEqual([]);
    } finally {
      await behindWrongUrl.close();
    }
  });

  it("answers a refused post with a page that says what happened and which APP_URL to set", async () => {
    const { port } = new URL(env.app.url);
    const seen = `http://127.0.0.1:${Number(port) + 1}`;
    const response = await env.app.request("/login", { method: "POST", headers: { origin: seen }, body: loginForm() });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'nonce-");
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    const text = visibleText(html);
    expect(text).toContain("This form came from another address");
    expect(text).toContain(`Bearing received this form from ${seen}, but its address is ${env.app.url} (APP_URL)`);
    expect(text).toContain(`set APP_URL=${seen}`);

    const forged = await env.app.request("/login", { method: "POST", headers: { origin: 'https://evil.example"><b>x</b>' }, body: loginForm() });
    expect(await forged.text()).not.toContain("<b>x</b>");
  });

  it("processes POST /login from the app's own origin", async () => {
    const wrong = await logIn(env.app.newBrowser(), { email: user.email, password: "not the right one at all" });
    expect(wrong.status).toBe(400);
    expect(visibleText(await wrong.text())).toContain("That email and password do not match an account.");

    const right = await logIn(env.app.newBrowser(), user);
    expect(right.status).toBe(302);
    expect(right.headers.getSetCookie()).toHaveLength(1);
  });
});

describe("security headers", () => {
  const nonceOf = (response: Response) => response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];

  it("sends a CSP with a fresh nonce per response, carried by every <script> of the page", async () => {
    const first = await env.app.request("/signup");
    const second = await env.app.request("/signup");
    const nonce = nonceOf(first);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second)).not.toBe(nonce);

    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(2);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  it("keeps every <script> on a re-rendered form and an error page under the nonce too", async () => {
    const rejected = await signUp(env.app.newBrowser(), { ...user, email: "not-an-email" });
    const missing = await env.app.request("/no-such-page");
    for (const response of [rejected, missing]) {
      const nonce = nonceOf(response);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    }
    expect(rejected.status).toBe(400);
    expect(missing.status).toBe(404);
  });

  it("forbids framing, sniffing and cross-origin referrers on every answer", async () => {
    for (const path of ["/signup", "/healthz", "/favicon.svg", "/no-such-page"]) {
      const response = await env.app.request(path);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toMatch(/^(same-origin|no-referrer|strict-origin)$/);
    }
  });

  it("sends HSTS in production only", async () => {
    expect((await env.app.request("/signup")).headers.get("strict-transport-security")).toBeNull();
    const hsts = (await production.request("/signup")).headers.get("strict-transport-security");
    expect(hsts).toMatch(/max-age=(\d+)/);
    expect(Number(hsts!.match(/max-age=(\d+)/)![1])).toBeGreaterThanOrEqual(31_536_000);
  });

  it("answers a rejected form in production with its field messages, as in development", async () => {
    const response = await signUp(production.newBrowser(), { ...user, email: "not-an-email" });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "email")).toEqual(["Enter an email address like name@example.com."]);
  });
});

describe("redirects after sign-in", () => {
  it("security: a redirectTo pointing at another origin is refused, and the user lands on our own page", async () => {
    for (const target of ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "/%2F%2Fevil.example", "javascript:alert(1)"]) {
      const response = await logIn(env.app.newBrowser(), user, { redirectTo: target });
      expect(response.status, target).toBe(302);
      const location = new URL(response.headers.get("location")!, env.app.url);
      expect(location.origin, target).toBe(new URL(env.app.url).origin);
      expect(location.pathname.startsWith("//"), target).toBe(false);
    }
    const inside = await logIn(env.app.newBrowser(), user, { redirectTo: "/settings/account?tab=1" });
    expect(inside.headers.get("location")).toBe("/settings/account?tab=1");
  });
});

describe("request size", () => {
  it("refuses a plain form larger than 4 MB with 413 before any route reads it", async () => {
    const response = await env.app.request("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${"a".repeat(5 * 1024 * 1024)}&password=x`,
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("the limit is 4 MB");
  });
});
