import { sql, type Kysely } from "kysely";

// Issue 7, PRODUCT.md §6: data rights, first-party usage data and retention.
export async function up(db: Kysely<any>): Promise<void> {
  // A deleted workspace is hidden at once and kept 30 days, so its owner can restore it; the retention
  // job purges it after that (app/modules/workspaces/workspace-deletion.server.ts).
  await sql`alter table workspaces
    add column deleted_at timestamptz,
    add column deleted_by uuid references users (id) on delete set null`.execute(db);
  await sql`create index workspaces_deleted_at on workspaces (deleted_at) where deleted_at is not null`.execute(db);

  // Every acceptance of the Terms and Privacy Policy, by version: the record a material change asks for.
  // users.policy_version stays the latest one, read on every request.
  await sql`create table policy_acceptances (
    user_id uuid not null references users (id) on delete cascade,
    version text not null,
    accepted_at timestamptz not null default now(),
    primary key (user_id, version)
  )`.execute(db);
  await sql`insert into policy_acceptances (user_id, version, accepted_at)
    select id, policy_version, policies_accepted_at from users`.execute(db);

  // First-party usage data. No user id, by design: an event tells what was used, never who used it, so it
  // is not personal data to export or erase. The IP is truncated (/24, /48) before it is written.
  await sql`create table usage_events (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    kind text not null check (kind in ('page_view', 'feature', 'error')),
    -- page views: the route pattern (/w/:slug/risks), never the address; features: a dotted name; errors: the route.
    name text not null check (length(name) <= 200),
    origin text not null check (origin in ('server', 'browser')),
    workspace_id uuid references workspaces (id) on delete cascade,
    trace_id text check (length(trace_id) <= 64),
    message text check (length(message) <= 1000),
    ip_prefix text
  )`.execute(db);
  await sql`create index usage_events_occurred_at on usage_events (occurred_at)`.execute(db);
  await sql`create index usage_events_workspace on usage_events (workspace_id, occurred_at) where workspace_id is not null`.execute(db);

  // What remains of raw events after 90 days: a count per day, workspace, kind and name.
  await sql`create table usage_daily (
    id bigint generated always as identity primary key,
    day date not null,
    workspace_id uuid references workspaces (id) on delete cascade,
    kind text not null check (kind in ('page_view', 'feature', 'error')),
    name text not null,
    count integer not null check (count >= 0),
    unique nulls not distinct (day, workspace_id, kind, name)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table usage_daily, usage_events, policy_acceptances`.execute(db);
  await sql`alter table workspaces drop column deleted_by, drop column deleted_at`.execute(db);
}
