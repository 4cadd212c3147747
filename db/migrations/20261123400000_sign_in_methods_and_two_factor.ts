import { sql, type Kysely } from "kysely";

// PRODUCT.md §2: sign-in with Google and Microsoft, and optional TOTP two-factor authentication.
// All global tables (they belong to a person, not a workspace), like users and sessions.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per identity at a provider; `subject` is the provider's stable user id (the ID token's `sub`).
  await sql`create table oauth_accounts (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    provider text not null check (provider in ('google', 'microsoft')),
    subject text not null,
    email text not null,
    created_at timestamptz not null default now(),
    last_used_at timestamptz not null default now(),
    unique (provider, subject)
  )`.execute(db);
  await sql`create index oauth_accounts_user_id_idx on oauth_accounts (user_id)`.execute(db);

  // A first sign-in with a provider, waiting for the person to confirm their age and accept the
  // policies before the account exists. Found by a token hash, like email tokens; short-lived.
  await sql`create table oauth_signups (
    id text primary key,
    secret_hash bytea not null,
    provider text not null check (provider in ('google', 'microsoft')),
    subject text not null,
    email text not null,
    email_verified boolean not null,
    name text not null,
    avatar_url text,
    expires_at timestamptz not null
  )`.execute(db);

  // The TOTP key is encrypted (AES-256-GCM, key derived from ENCRYPTION_MASTER_KEY, the user id as
  // associated data). The last accepted time step refuses a replayed code.
  await sql`alter table users
    add column totp_key bytea,
    add column totp_enabled_at timestamptz,
    add column totp_last_step bigint`.execute(db);

  await sql`create table recovery_codes (
    user_id uuid not null references users (id) on delete cascade,
    code_hash bytea not null,
    used_at timestamptz,
    primary key (user_id, code_hash)
  )`.execute(db);

  // A session that passed the password (or the provider) but not yet the second factor: it opens
  // only the two-factor page.
  await sql`alter table sessions add column two_factor_pending boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sessions drop column two_factor_pending`.execute(db);
  await sql`drop table recovery_codes`.execute(db);
  await sql`alter table users drop column totp_key, drop column totp_enabled_at, drop column totp_last_step`.execute(db);
  await sql`drop table oauth_signups`.execute(db);
  await sql`drop table oauth_accounts`.execute(db);
}
