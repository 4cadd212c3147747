import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./database";
import { createTestDatabase, type TestDatabase } from "./testing/database";

/**
 * PRODUCT.md §7: the schema must be distributable by workspace (Citus) without rewriting queries.
 * A table is either global (small, looked up without a workspace) or workspace data, keyed
 * `(workspace_id, …)`, whose foreign keys to other workspace data carry `workspace_id` on both
 * sides, so a row can only point at rows of its own workspace.
 */
const GLOBAL_TABLES = new Set([
  "users",
  "sessions",
  "email_tokens",
  "rate_limits",
  "workspaces",
  "invitations",
  "roadmap_shares",
  "oauth_accounts",
  "oauth_signups",
  "browser_flows",
  "recovery_codes",
  "policy_acceptances",
  // Usage data: many events belong to no workspace (sign-in pages, personal settings).
  "usage_events",
  "usage_daily",
  "kysely_migration",
  "kysely_migration_lock",
]);

interface Catalogue {
  tables: string[];
  columns: Map<string, string[]>;
  primaryKeys: Map<string, string[]>;
  foreignKeys: Array<{ name: string; table: string; columns: string[]; references: string; referencedColumns: string[] }>;
}

async function readCatalogue(db: Database): Promise<Catalogue> {
  const tables = await sql<{ table: string }>`
    select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(db);
  const columns = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`.execute(db);
  const constraints = await sql<{ name: string; type: string; table: string; columns: string[]; references: string | null; referencedColumns: string[] | null }>`
    select con.conname as name, con.contype as type, c.relname as table, f.relname as references,
      array(select a.attname from unnest(con.conkey) with ordinality k(num, pos)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.pos)::text[] as columns,
      case when con.contype = 'f' then array(select a.attname from unnest(con.confkey) with ordinality k(num, pos)
            join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.pos)::text[] end as "referencedColumns"
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_class f on f.oid = con.confrelid
    where n.nspname = 'public' and con.contype in ('p', 'f')`.execute(db);

  const group = new Map<string, string[]>();
  for (const { table, column } of columns.rows) group.set(table, [...(group.get(table) ?? []), column]);
  return {
    tables: tables.rows.map((r) => r.table),
    columns: group,
    primaryKeys: new Map(constraints.rows.filter((c) => c.type === "p").map((c) => [c.table, c.columns])),
    foreignKeys: constraints.rows
      .filter((c) => c.type === "f")
      .map((c) => ({ name: c.name, table: c.table, columns: c.columns, references: c.references!, referencedColumns: c.referencedColumns! })),
  };
}

/** Every breach of the rule, one sentence each, naming the table or foreign key. */
function tenancyProblems(catalogue: Catalogue): { workspaceTables: string[]; problems: string[] } {
  const problems: string[] = [];
  const workspaceTables = catalogue.tables.filter((table) => !GLOBAL_TABLES.has(table));
  for (const table of workspaceTables) {
    if (!catalogue.columns.get(table)?.includes("workspace_id")) {
      problems.push(`${table}: neither a global table nor a workspace table (no workspace_id column)`);
      continue;
    }
    const key = catalogue.primaryKeys.get(table);
    if (key?.[0] !== "workspace_id") {
      problems.push(`${table}: its primary key (${key?.join(", ") ?? "none"}) must start with workspace_id`);
    }
  }
  for (const fk of catalogue.foreignKeys) {
    if (!workspaceTables.includes(fk.table) || !workspaceTables.includes(fk.references)) continue;
    const paired = fk.columns.some((column, i) => column === "workspace_id" && fk.referencedColumns[i] === "workspace_id");
    if (!paired) {
      problems.push(`${fk.table}.${fk.name}: a foreign key to ${fk.references} must pair workspace_id with workspace_id`);
    }
  }
  return { workspaceTables, problems };
}

describe("tenancy rule of the schema (PRODUCT.md §7)", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("every table is global or workspace data keyed (workspace_id, …), with workspace-scoped foreign keys", async () => {
    const catalogue = await readCatalogue(test.db);
    expect(catalogue.tables).toEqual(expect.arrayContaining(["users", "workspaces", "memberships", "kysely_migration"]));
    const { workspaceTables, problems } = tenancyProblems(catalogue);
    expect(problems).toEqual([]);
    expect(workspaceTables).toContain("memberships");
  });

  it("names the tables and foreign keys that break the rule", async () => {
    await sql`create table broken_notes (id uuid primary key, body text)`.execute(test.db);
    await sql`create table broken_risks (id uuid unique, workspace_id uuid, primary key (id, workspace_id), unique (workspace_id, id))`.execute(test.db);
    await sql`create table broken_comments (workspace_id uuid, id uuid, risk_id uuid, primary key (workspace_id, id),
      constraint broken_comments_scoped foreign key (workspace_id, risk_id) references broken_risks (workspace_id, id),
      constraint broken_comments_unscoped foreign key (risk_id) references broken_risks (id),
      constraint broken_comments_crossed foreign key (risk_id, workspace_id) references broken_risks (workspace_id, id))`.execute(test.db);
    try {
      const { problems } = tenancyProblems(await readCatalogue(test.db));
      expect(problems).toEqual(
        expect.arrayContaining([
          "broken_notes: neither a global table nor a workspace table (no workspace_id column)",
          "broken_risks: its primary key (id, workspace_id) must start with workspace_id",
        ]),
      );
      expect(problems.filter((p) => p.startsWith("broken_comments")).sort()).toEqual([
        "broken_comments.broken_comments_crossed: a foreign key to broken_risks must pair workspace_id with workspace_id",
        "broken_comments.broken_comments_unscoped: a foreign key to broken_risks must pair workspace_id with workspace_id",
      ]);
    } finally {
      await sql`drop table broken_comments, broken_risks, broken_notes`.execute(test.db);
    }
  });
});
