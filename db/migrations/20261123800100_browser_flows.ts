import { sql, type Kysely } from "kysely";

/**
 * What a browser must carry between leaving for a provider and coming back (an OAuth state, its PKCE
 * verifier, where to go next), kept here instead of in cookies of its own (privacy promise 6): a
 * signed-in browser's flow belongs to its session; a signed-out browser's is found by the token its
 * session cookie carries until it signs in (app/services/browser-flows.server.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table browser_flows (
    id text primary key,
    purpose text not null check (purpose in ('sign-in', 'connect')),
    session_id text references sessions (id) on delete cascade,
    secret_hash bytea,
    payload jsonb not null,
    expires_at timestamptz not null,
    check ((session_id is null) <> (secret_hash is null))
  )`.execute(db);
  await sql`create unique index browser_flows_one_per_session on browser_flows (session_id, purpose) where session_id is not null`.execute(db);
  await sql`create index browser_flows_expires_at on browser_flows (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table browser_flows`.execute(db);
}
