import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../db/testing/database";
import { createLogger } from "../../services/logger.server";
import { recordUsage } from "./usage.server";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

/** The app's own logger, writing to a list: what a failed recording leaves in the log. */
function recordingLogger() {
  const lines: string[] = [];
  const logger = createLogger("warn", { write: (line: string) => void lines.push(line) });
  return { logger, warnings: () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg) };
}

const FEATURE_IN_NO_WORKSPACE = { kind: "feature", name: "risk.created", origin: "server", workspaceId: randomUUID() } as const;

describe("recording usage never breaks what is being counted", () => {
  it("logs and swallows a failed insert", async () => {
    const log = recordingLogger();
    await expect(recordUsage(database.db, FEATURE_IN_NO_WORKSPACE, log.logger)).resolves.toBeUndefined();
    expect(log.warnings()).toEqual(["usage event not recorded"]);
  });

  it("leaves the caller's transaction usable and committed after a failed insert inside it", async () => {
    const log = recordingLogger();
    await database.db.transaction().execute(async (trx) => {
      await recordUsage(trx, FEATURE_IN_NO_WORKSPACE, log.logger);
      await recordUsage(trx, { kind: "page_view", name: "/login", origin: "server", ip: "203.0.113.77" }, log.logger);
    });
    expect(log.warnings()).toHaveLength(1);
    const rows = await database.db.selectFrom("usage_events").select(["kind", "name", "ip_prefix"]).execute();
    expect(rows).toEqual([{ kind: "page_view", name: "/login", ip_prefix: "203.0.113.0" }]);
  });

  it("keeps an IPv6 address to its /48 and a long message to its first line", async () => {
    const message = `${"x".repeat(1200)}\nsecond line`;
    await recordUsage(database.db, { kind: "error", name: "/w/:slug", origin: "browser", ip: "2001:db8:85a3:8d3:1319:8a2e:370:7348", message });
    const row = await database.db.selectFrom("usage_events").select(["ip_prefix", "message"]).where("kind", "=", "error").executeTakeFirstOrThrow();
    expect(row).toEqual({ ip_prefix: "2001:db8:85a3::", message: "x".repeat(1000) });
  });
});
