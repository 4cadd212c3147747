import { sql } from "kysely";
import type { Database } from "../../../../db/database";

export interface PersonColumn {
  table: string;
  column: string;
}

/**
 * Every column of the database that can hold a user's id, read from PostgreSQL's own catalogue rather
 * than from our code: foreign keys to `users`, plus uuid columns named like a person reference
 * (`user_id`, `*_by`, `owner_id`, `actor_id` — an initiative's owner points at a membership, not at
 * `users`), plus `users.id` itself. Public schema only: pg-boss's tables hold no user ids.
 */
export async function columnsReferringToUsers(db: Database): Promise<PersonColumn[]> {
  const { rows } = await sql<PersonColumn>`
    select cl.relname as "table", a.attname as "column"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    cross join lateral unnest(c.conkey) as k(attnum)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'f' and c.confrelid = 'public.users'::regclass and n.nspname = 'public'
    union
    select cl.relname, a.attname
    from pg_attribute a
    join pg_class cl on cl.oid = a.attrelid
    join pg_namespace n on n.oid = cl.relnamespace
    where n.nspname = 'public' and cl.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and a.atttypid = 'uuid'::regtype and a.attname ~ '^(user_id|owner_id|actor_id|.*_by)$'
    union
    select 'users', 'id'
    order by 1, 2`.execute(db);
  return rows;
}

/** Every ordinary table of the public schema (for the "no row anywhere mentions them" check). */
export async function publicTables(db: Database): Promise<string[]> {
  const { rows } = await sql<{ table: string }>`
    select cl.relname as "table" from pg_class cl join pg_namespace n on n.oid = cl.relnamespace
    where n.nspname = 'public' and cl.relkind in ('r', 'p') order by 1`.execute(db);
  return rows.map((row) => row.table);
}
