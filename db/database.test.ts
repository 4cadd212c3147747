import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "./connection-errors";
import { createDatabase } from "./database";
import { findFreePort } from "./embedded";
import { createTestDatabase, type TestDatabase } from "./testing/database";

describe("the database pool", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  // PostgreSQL ends a session with 57P01 admin_shutdown on a restart, and in the same way on
  // pg_terminate_backend. A session that is checked out of the pool, between two queries of a
  // transaction, used to emit an 'error' no one listened to: the whole process ended.
  it("survives a connection ended by the server while a transaction holds it: the transaction fails, the process does not", async () => {
    const reported: Error[] = [];
    const db = createDatabase(test.url, { onError: (error) => reported.push(error) });
    try {
      const transaction = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(test.db);
        await expect.poll(() => reported.length).toBeGreaterThan(0);
        await sql`select 1`.execute(trx);
      });
      await expect(transaction).rejects.toSatisfy(isDatabaseUnreachable);
      expect(reported.map((error) => (error as { code?: string }).code)).toContain("57P01");
      // The broken client left the pool: the next query gets a new connection.
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.destroy();
    }
  });

  it("tells a lost or refused connection from a query the database refused", async () => {
    const nowhere = createDatabase(`postgres://postgres:none@127.0.0.1:${await findFreePort()}/bearing`);
    const refused = await sql`select 1`.execute(nowhere).catch((error: unknown) => error);
    await nowhere.destroy();
    expect(isDatabaseUnreachable(refused)).toBe(true);
    expect(isDatabaseUnreachable(new Error("wrapped", { cause: refused }))).toBe(true);

    const syntax = await sql`selec 1`.execute(test.db).catch((error: unknown) => error);
    const division = await sql`select 1 / 0`.execute(test.db).catch((error: unknown) => error);
    expect(isDatabaseUnreachable(syntax)).toBe(false);
    expect(isDatabaseUnreachable(division)).toBe(false);
    expect(isDatabaseUnreachable(new Error("Something else"))).toBe(false);
  });
});
