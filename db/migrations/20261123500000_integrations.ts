import { sql, type Kysely } from "kysely";

// PRODUCT.md §5: integrations, per workspace. Tokens never sit in plaintext: each workspace has a data
// key (AES-256), stored wrapped by the master key from the environment; secrets are encrypted with it,
// with the row's identity as associated data (app/services/token-vault).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table workspace_keys (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    version integer not null,
    -- Which master key wrapped it: the first 16 hex digits of SHA-256 of that key.
    master_key_id text not null,
    wrapped_key bytea not null,
    created_at timestamptz not null default now(),
    rewrapped_at timestamptz,
    primary key (workspace_id, version)
  )`.execute(db);

  await sql`create table integration_connections (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    provider text not null check (provider in ('slack', 'jira', 'notion', 'confluence', 'linear', 'github')),
    status text not null default 'connected' check (status in ('connected', 'error')),
    account_id text not null default '',
    account_name text not null default '',
    scopes_requested text[] not null default '{}',
    scopes_granted text[] not null default '{}',
    settings jsonb not null default '{}',
    last_sync_at timestamptz,
    last_error text,
    connected_by uuid references users (id) on delete set null,
    connected_at timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, provider)
  )`.execute(db);

  await sql`create table integration_secrets (
    workspace_id uuid not null,
    connection_id uuid not null,
    field text not null check (field in ('access_token', 'refresh_token')),
    key_version integer not null,
    ciphertext bytea not null,
    expires_at timestamptz,
    updated_at timestamptz not null default now(),
    primary key (workspace_id, connection_id, field),
    foreign key (workspace_id, connection_id) references integration_connections (workspace_id, id) on delete cascade,
    foreign key (workspace_id, key_version) references workspace_keys (workspace_id, version) on delete cascade
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table integration_secrets`.execute(db);
  await sql`drop table integration_connections`.execute(db);
  await sql`drop table workspace_keys`.execute(db);
}
