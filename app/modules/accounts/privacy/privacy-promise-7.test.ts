import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import { fieldErrors, logIn, visibleText } from "../../../server/testing";
import { columnsReferringToUsers, publicTables, type PersonColumn } from "./catalogue.server";
import { omittedColumns, PERSONAL_DATA, unaccountedColumns, type PersonalDataTable } from "./personal-data";
import type { PersonalExport } from "./personal-export.server";
import { seedPersonEverywhere, type SeededPerson } from "./privacy-promise-7.testing";

// PRODUCT.md §6 promise 7: "A user can see all their product data in the app, export it in a
// machine-readable format, and delete their account from Settings, which removes all associated data."
// "Every row" and "no row" are checked against PostgreSQL's catalogue, not against our own list.

const env = setUpTestApp();
let columns: PersonColumn[];
let ada: SeededPerson;

beforeAll(async () => {
  columns = await columnsReferringToUsers(env.db);
  ada = await seedPersonEverywhere(env.app, env.db, "Ada Lovelace");
});

type Row = Record<string, unknown>;

async function rowsWhere(table: string, column: string, userId: string): Promise<Row[]> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${sql.ref(column)} = ${userId}`.execute(env.db);
  return rows;
}

/** A row as the JSON file carries it: secrets and derived columns out, dates as ISO strings; sorted for comparison. */
function asExported(table: string, rows: Row[]): string[] {
  const left = table in PERSONAL_DATA ? omittedColumns(table as PersonalDataTable) : [];
  return rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(row)) as Row).filter(([c]) => !left.includes(c)).sort()))).sort();
}

const DELETE_PAGE = "/settings/privacy/delete";

describe("privacy promise 7: every table that can refer to a person is in the personal-data registry", () => {
  it("accounts for every column the database catalogue finds, and lists none the database lacks", () => {
    expect(unaccountedColumns(columns)).toEqual([]);
    for (const [table, entry] of Object.entries(PERSONAL_DATA)) {
      for (const column of entry.links) expect(columns, `${table}.${column}`).toContainEqual({ table, column });
    }
  });

  it("reports a table added later without export support", async () => {
    await sql`create table promise_7_probe (id uuid primary key, reviewer uuid references users (id), approved_by uuid)`.execute(env.db);
    try {
      expect(unaccountedColumns(await columnsReferringToUsers(env.db))).toEqual([
        { table: "promise_7_probe", column: "approved_by" },
        { table: "promise_7_probe", column: "reviewer" },
      ]);
    } finally {
      await sql`drop table promise_7_probe`.execute(env.db);
    }
  });
});

describe("privacy promise 7: the export holds every row about the user", () => {
  it("downloads one JSON file whose rows equal, per table and column, the rows the database holds", async () => {
    const response = await ada.browser.request("/settings/privacy/export.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="bearing-ada\.lovelace-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const file = JSON.parse(text) as PersonalExport;
    expect(file).toMatchObject({ format: "bearing.personal-export", version: 1, recovery_codes: { unused: 10, used: 0 } });
    expect(file.account).toMatchObject({ id: ada.id, email: ada.email, has_password: true, two_factor: true });
    for (const secret of ["password_hash", "totp_key", "secret_hash", "token_hash", "code_hash"]) expect(text).not.toContain(`"${secret}"`);
    expect(file.workspaces.map((w) => w.name).sort()).toEqual(["Ada Lovelace's Lab", "Globex Shared", "Northwind Payments"]);

    for (const { table, column } of columns) {
      const inDatabase = await rowsWhere(table, column, ada.id);
      expect(inDatabase.length, `the seed gives ${table}.${column} a row`).toBeGreaterThan(0);
      if (table === "users") {
        expect(asExported(table, [file.account]).map((row) => JSON.parse(row) as Row)[0]).toMatchObject(JSON.parse(asExported(table, inDatabase)[0]!) as Row);
      } else if (table === "recovery_codes") {
        expect(file.recovery_codes.unused + file.recovery_codes.used).toBe(inDatabase.length);
      } else {
        const exported = (file.tables[table as PersonalDataTable] ?? []).filter((row) => row[column] === ada.id);
        expect(asExported(table, exported), `${table}.${column}`).toEqual(asExported(table, inDatabase));
      }
    }
  });
});

describe("privacy promise 7: deleting the account removes all associated data", () => {
  it("refuses a wrong password, email or code under its field, keeps the typed email, and deletes nothing", async () => {
    const page = visibleText(await (await ada.browser.request(DELETE_PAGE)).text());
    expect(page).toContain("Ada Lovelace's Lab · 2 members");
    expect(page).toMatch(/Workspaces you leave .*Northwind Payments \(admin\)/);

    const wrongPassword = await ada.browser.postForm(DELETE_PAGE, { confirmEmail: ada.email, currentPassword: "not my password at all", code: ada.recoveryCodes[0] });
    expect(wrongPassword.status).toBe(400);
    const html = await wrongPassword.text();
    expect(fieldErrors(html, "currentPassword")).toEqual(["That is not your password."]);
    expect(html).toContain(`value="${ada.email}"`);

    const wrongEmail = await ada.browser.postForm(DELETE_PAGE, { confirmEmail: "someone@example.com", currentPassword: ada.password, code: ada.recoveryCodes[0] });
    expect(wrongEmail.status).toBe(400);
    const wrongEmailHtml = await wrongEmail.text();
    expect(fieldErrors(wrongEmailHtml, "confirmEmail")).toEqual(["That is not your account's email address: type it as shown above."]);
    expect(wrongEmailHtml).toContain('value="someone@example.com"');

    const wrongCode = await ada.browser.postForm(DELETE_PAGE, { confirmEmail: ada.email, currentPassword: ada.password, code: "zzzz-zzzz-zzzz" });
    expect(wrongCode.status).toBe(400);
    expect(fieldErrors(await wrongCode.text(), "code")).toEqual(["That recovery code is not valid, or it was already used."]);

    expect(await env.db.selectFrom("users").select("id").where("id", "=", ada.id).executeTakeFirst()).toBeDefined();
    expect((await (await ada.browser.request("/settings/privacy")).text())).toContain("Export my data");
  });

  it("deletes through the form; afterwards no row anywhere refers to the user, and they cannot log in", async () => {
    const response = await ada.browser.postForm(DELETE_PAGE, { confirmEmail: ` ${ada.email.toUpperCase()} `, currentPassword: ada.password, code: ada.recoveryCodes[1] });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?notice=account-deleted");
    expect(ada.browser.cookies.size).toBe(0);
    expect(visibleText(await (await env.app.newBrowser().request("/login?notice=account-deleted")).text())).toContain("Your account and the data associated with it are deleted.");

    for (const { table, column } of columns) expect(await rowsWhere(table, column, ada.id), `${table}.${column}`).toEqual([]);
    for (const table of await publicTables(env.db)) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} t
        where position(${ada.id} in row_to_json(t)::text) > 0 or position(lower(${ada.email}) in lower(row_to_json(t)::text)) > 0`.execute(env.db);
      expect(rows[0]!.n, `rows of ${table} that mention the user`).toBe(0);
    }

    // The workspace owned alone went with the account; the others stay, with her work unattributed.
    expect(await env.db.selectFrom("workspaces").select("id").where("id", "=", ada.lab.id).executeTakeFirst()).toBeUndefined();
    const kept = await env.db.selectFrom("initiatives").select(["title", "created_by", "owner_id"]).where("title", "=", "Faster payouts").executeTakeFirstOrThrow();
    expect(kept).toEqual({ title: "Faster payouts", created_by: null, owner_id: null });
    expect(await env.db.selectFrom("workspaces").select("deleted_by").where("id", "=", ada.shared.id).executeTakeFirstOrThrow()).toEqual({ deleted_by: null });

    const login = await logIn(env.app.newBrowser(), ada);
    expect(login.status).toBe(400);
    await env.app.mailbox.waitFor(ada.email, { subject: /Your Bearing account is deleted/ });
  });
});
