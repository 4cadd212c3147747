import { sql } from "kysely";
import type { Database } from "../../../../db/database";
import { notFound } from "../../../services/errors.server";
import { omittedColumns, PERSONAL_DATA, PERSONAL_TABLES, type PersonalDataTable, type PersonalTable } from "./personal-data";

const PERSONAL_EXPORT_FORMAT = "bearing.personal-export";
const PERSONAL_EXPORT_VERSION = 1;

type Row = Record<string, unknown>;

/** The file "export everything about me" downloads (docs/personal-export-format.md). */
export interface PersonalExport {
  format: typeof PERSONAL_EXPORT_FORMAT;
  version: typeof PERSONAL_EXPORT_VERSION;
  exported_at: string;
  account: Row & { has_password: boolean; two_factor: boolean };
  recovery_codes: { unused: number; used: number };
  /** Every workspace a row below points at, so a `workspace_id` can be read as a name. */
  workspaces: Array<{ id: string; slug: string; name: string; deleted_at: Date | null }>;
  /** Every other table of PERSONAL_DATA: its rows about the user, secrets and derived columns left out. */
  tables: Partial<Record<PersonalDataTable, Row[]>>;
}

/** The rows of `table` where any of its person columns is the user. */
export function rowsAbout(db: Database, table: PersonalDataTable, userId: string) {
  const entry: PersonalTable = PERSONAL_DATA[table];
  const about = sql.join(entry.links.map((column) => sql`${sql.ref(column)} = ${userId}`), sql` or `);
  return sql<Row>`select * from ${sql.table(table)} where ${about}`.execute(db).then((result) => result.rows);
}

function without(row: Row, columns: readonly string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column)));
}

/**
 * Everything Bearing holds about one person, driven by PERSONAL_DATA: one query per table, so a table
 * added there is exported with no other change. Secrets are named, never given.
 */
export async function exportPersonalData(db: Database, userId: string, now = new Date()): Promise<PersonalExport> {
  const [user] = await rowsAbout(db, "users", userId);
  if (!user) throw notFound("This account");

  const tables: PersonalExport["tables"] = {};
  let recoveryCodes = { unused: 0, used: 0 };
  for (const table of PERSONAL_TABLES) {
    if (table === "users") continue;
    const rows = await rowsAbout(db, table, userId);
    // Recovery codes are credentials through and through: how many, never which.
    if (table === "recovery_codes") {
      const used = rows.filter((row) => row.used_at !== null).length;
      recoveryCodes = { unused: rows.length - used, used };
      continue;
    }
    tables[table] = rows.map((row) => without(row, omittedColumns(table)));
  }

  const workspaceIds = new Set<string>();
  for (const [table, rows] of Object.entries(tables)) {
    for (const row of rows) {
      const id = table === "workspaces" ? row.id : row.workspace_id;
      if (typeof id === "string") workspaceIds.add(id);
    }
  }
  const workspaces = workspaceIds.size
    ? await db
        .selectFrom("workspaces")
        .select(["id", "slug", "name", "deleted_at"])
        .where("id", "in", [...workspaceIds])
        .orderBy("name")
        .execute()
    : [];

  return {
    format: PERSONAL_EXPORT_FORMAT,
    version: PERSONAL_EXPORT_VERSION,
    exported_at: now.toISOString(),
    account: { ...without(user, omittedColumns("users")), has_password: user.password_hash !== null, two_factor: user.totp_enabled_at !== null },
    recovery_codes: recoveryCodes,
    workspaces,
    tables,
  };
}

/** `bearing-dana-2026-11-23.json`: the email's local part, made safe for a file name. */
export function personalExportFilename(email: string, now = new Date()): string {
  const local = (email.split("@")[0] ?? "").replace(/[^a-zA-Z0-9._-]+/g, "-").slice(0, 40) || "account";
  return `bearing-${local}-${now.toISOString().slice(0, 10)}.json`;
}
