import { describe, expect, it } from "vitest";
import { createDatabase } from "../../db/database";
import { findFreePort } from "../../db/embedded";
import { setUpTestApp } from "./test-context";
import { startTestApp } from "./testing";

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
});
