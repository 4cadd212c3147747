import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../db/database";
import { findFreePort } from "../../db/embedded";
import { setUpTestApp } from "./test-context";
import { startTestApp, visibleText } from "./testing";

describe("health endpoints", () => {
  const env = setUpTestApp();
  it("/healthz answers 200 while the process runs", async () => {
    const response = await env.app.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz answers 200 when the database is reachable", async () => {
    const response = await env.app.request("/readyz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it.each([
    ["nothing listens where the database should be", async () => `postgres://postgres:none@127.0.0.1:${await findFreePort()}/bearing`],
    ["the database does not exist on the server", async () => env.database.url.replace(env.database.name, "no_such_database")],
  ])("/readyz answers 503 when %s, while /healthz still answers 200", async (_, databaseUrl) => {
    const unreachable = createDatabase(await databaseUrl());
    const orphan = await startTestApp({ db: unreachable, mailbox: env.app.mailbox });
    try {
      const ready = await orphan.request("/readyz");
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
      expect((await orphan.request("/healthz")).status).toBe(200);
    } finally {
      await orphan.close();
      await unreachable.destroy();
    }
  });

  describe("while the database is unreachable", () => {
    const outage = setUpUnreachableApp();

    it("a signed-in page answers 503 with a page that says so, and Retry-After", async () => {
      const browser = outage().newBrowser();
      // The session cannot be looked up: the page must not treat its holder as signed out either.
      browser.cookies.set("bearing_session", "abcdefghijklmnopqrstuvwx.abcdefghijklmnopqrstuvwxyzabcdef");
      const response = await browser.request("/settings/account");
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      const text = visibleText(await response.text());
      expect(text).toContain("Database unreachable");
      expect(text).toContain("Bearing cannot reach its database right now");
    });

    it("a form post answers 503 and says to check before sending it again", async () => {
      const response = await outage().postForm("/login", { email: "ada@example.com", password: "velvet-harbour-compass-lantern" });
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(visibleText(await response.text())).toContain("check whether it arrived before you send it again");
    });

    it("a client-side navigation (single fetch) gets the 503 in Remix's own encoding, with Retry-After", async () => {
      const browser = outage().newBrowser();
      browser.cookies.set("bearing_session", "abcdefghijklmnopqrstuvwx.abcdefghijklmnopqrstuvwxyzabcdef");
      const response = await browser.request("/settings/account.data");
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.text()).toContain("Bearing cannot reach its database right now");
    });

    it("a page that needs no database still answers 200", async () => {
      expect((await outage().request("/login")).status).toBe(200);
    });
  });

  /** An app whose database address has nothing listening (PostgreSQL stopped). */
  function setUpUnreachableApp() {
    let app: Awaited<ReturnType<typeof startTestApp>>;
    let unreachable: ReturnType<typeof createDatabase>;
    beforeAll(async () => {
      unreachable = createDatabase(`postgres://postgres:none@127.0.0.1:${await findFreePort()}/bearing`);
      app = await startTestApp({ db: unreachable, mailbox: env.app.mailbox });
    });
    afterAll(async () => {
      await app?.close();
      await unreachable?.destroy();
    });
    return () => app;
  }
});
