import { sql, type Kysely } from "kysely";

// PRODUCT.md §5: imports, syncs and exports run as background jobs (pg-boss, in schema `pgboss`). pg-boss
// keeps the queue; this table keeps what a person sees and what a restart needs: progress, the cursor a
// job resumes from (checkpoint), attempts and the last error. A connection's jobs go with it (cascade):
// without the connection there is nothing to resume, and its history is not worth a dangling row.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table integration_jobs (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    connection_id uuid,
    kind text not null,
    status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    total integer,
    done integer not null default 0,
    checkpoint jsonb,
    attempts integer not null default 0,
    last_error text,
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    started_at timestamptz,
    finished_at timestamptz,
    primary key (workspace_id, id),
    foreign key (workspace_id, connection_id) references integration_connections (workspace_id, id) on delete cascade
  )`.execute(db);
  // The same import is never queued twice: one unfinished job per workspace, kind and connection.
  await sql`create unique index integration_jobs_one_unfinished on integration_jobs (workspace_id, kind, connection_id)
    nulls not distinct where status in ('queued', 'running')`.execute(db);
  await sql`create index integration_jobs_recent on integration_jobs (workspace_id, created_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table integration_jobs`.execute(db);
}
