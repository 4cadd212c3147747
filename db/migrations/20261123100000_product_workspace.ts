import { sql, type Kysely } from "kysely";

// PRODUCT.md §3. Every table is keyed (workspace_id, id) and every reference between them carries
// workspace_id, so a row can only point at rows of its own workspace (PRODUCT.md §7).
// `on delete set null (col)` (PostgreSQL 15+) clears just the reference, never workspace_id.

const audit = sql.raw(`
  version integer not null default 1,
  source text not null default 'manual',
  created_by uuid references users (id) on delete set null,
  updated_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table workspaces add column prioritization text not null default 'rice'
    check (prioritization in ('rice', 'wsjf', 'ice'))`.execute(db);

  await sql`create table vision_versions (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    number integer not null,
    statement text not null default '',
    mission text not null default '',
    target_customers text not null default '',
    principles text not null default '',
    north_star_metric text not null default '',
    source text not null default 'manual',
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    search tsvector generated always as (to_tsvector('english',
      statement || ' ' || mission || ' ' || target_customers || ' ' || principles || ' ' || north_star_metric)) stored,
    primary key (workspace_id, id),
    unique (workspace_id, number)
  )`.execute(db);

  await sql`create table personas (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    name text not null,
    segment text not null default '',
    goals text not null default '',
    pains text not null default '',
    jobs_to_be_done text not null default '',
    quote text not null default '',
    ${audit},
    search tsvector generated always as (
      setweight(to_tsvector('english', name), 'A') ||
      to_tsvector('english', segment || ' ' || goals || ' ' || pains || ' ' || jobs_to_be_done || ' ' || quote)) stored,
    primary key (workspace_id, id)
  )`.execute(db);

  await sql`create table competitors (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    name text not null,
    website text not null default '',
    positioning text not null default '',
    strengths text not null default '',
    weaknesses text not null default '',
    pricing_notes text not null default '',
    threat_level text not null default 'medium' check (threat_level in ('low', 'medium', 'high')),
    ${audit},
    search tsvector generated always as (
      setweight(to_tsvector('english', name), 'A') ||
      to_tsvector('english', positioning || ' ' || strengths || ' ' || weaknesses || ' ' || pricing_notes)) stored,
    primary key (workspace_id, id)
  )`.execute(db);

  await sql`create table initiatives (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    title text not null,
    problem text not null default '',
    description text not null default '',
    status text not null default 'idea'
      check (status in ('idea', 'discovery', 'planned', 'in_progress', 'shipped', 'parked')),
    owner_id uuid,
    tags text[] not null default '{}',
    target_quarter text check (target_quarter ~ '^[0-9]{4}-Q[1-4]$'),
    reach numeric, impact numeric, confidence numeric, effort numeric,
    business_value numeric, time_criticality numeric, risk_reduction numeric, job_size numeric,
    ease numeric,
    ${audit},
    search tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', problem), 'B') ||
      to_tsvector('english', description)) stored,
    primary key (workspace_id, id),
    foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id)
  )`.execute(db);
  await sql`create index initiatives_status_idx on initiatives (workspace_id, status)`.execute(db);

  await sql`create table initiative_personas (
    workspace_id uuid not null,
    initiative_id uuid not null,
    persona_id uuid not null,
    primary key (workspace_id, initiative_id, persona_id),
    foreign key (workspace_id, initiative_id) references initiatives (workspace_id, id) on delete cascade,
    foreign key (workspace_id, persona_id) references personas (workspace_id, id) on delete cascade
  )`.execute(db);

  await sql`create table initiative_links (
    workspace_id uuid not null,
    id uuid not null default gen_random_uuid(),
    initiative_id uuid not null,
    provider text not null check (provider in ('jira', 'linear', 'github')),
    external_id text not null,
    url text not null,
    title text not null default '',
    status text not null default '',
    created_at timestamptz not null default now(),
    primary key (workspace_id, id),
    unique (workspace_id, initiative_id, provider, external_id),
    foreign key (workspace_id, initiative_id) references initiatives (workspace_id, id) on delete cascade
  )`.execute(db);

  await sql`create table roadmap_items (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    title text not null,
    description text not null default '',
    lane text not null check (lane in ('now', 'next', 'later')),
    position text collate "C" not null,
    initiative_id uuid,
    start_quarter text check (start_quarter ~ '^[0-9]{4}-Q[1-4]$'),
    end_quarter text check (end_quarter ~ '^[0-9]{4}-Q[1-4]$'),
    ${audit},
    search tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') || to_tsvector('english', description)) stored,
    primary key (workspace_id, id),
    unique (workspace_id, lane, position),
    foreign key (workspace_id, initiative_id) references initiatives (workspace_id, id) on delete set null (initiative_id)
  )`.execute(db);

  // Share tokens are looked up by token alone, from a browser with no account: a small global table.
  await sql`create table roadmap_shares (
    id uuid primary key default gen_random_uuid(),
    workspace_id uuid not null references workspaces (id) on delete cascade,
    token_hash bytea not null unique,
    hidden_fields text[] not null default '{}',
    created_by uuid references users (id) on delete set null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`.execute(db);

  await sql`create table transcripts (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    title text not null,
    meeting_date date,
    attendees text[] not null default '{}',
    format text not null default 'text' check (format in ('text', 'markdown', 'vtt', 'srt')),
    content text not null,
    segments jsonb,
    summary text not null default '',
    decisions jsonb not null default '[]',
    action_items jsonb not null default '[]',
    ${audit},
    search tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') ||
      setweight(to_tsvector('english', summary), 'B') ||
      to_tsvector('english', left(content, 500000))) stored,
    primary key (workspace_id, id)
  )`.execute(db);

  await sql`create table risks (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    title text not null,
    description text not null default '',
    category text not null default '',
    likelihood smallint not null check (likelihood between 1 and 5),
    impact smallint not null check (impact between 1 and 5),
    severity smallint generated always as (likelihood * impact) stored,
    status text not null default 'open' check (status in ('open', 'mitigating', 'accepted', 'closed')),
    owner_id uuid,
    mitigation text not null default '',
    due_date date,
    initiative_id uuid,
    transcript_id uuid,
    ${audit},
    search tsvector generated always as (
      setweight(to_tsvector('english', title), 'A') ||
      to_tsvector('english', description || ' ' || category || ' ' || mitigation)) stored,
    primary key (workspace_id, id),
    foreign key (workspace_id, owner_id) references memberships (workspace_id, user_id) on delete set null (owner_id),
    foreign key (workspace_id, initiative_id) references initiatives (workspace_id, id) on delete set null (initiative_id),
    foreign key (workspace_id, transcript_id) references transcripts (workspace_id, id) on delete set null (transcript_id)
  )`.execute(db);
  await sql`create index risks_severity_idx on risks (workspace_id, status, severity desc)`.execute(db);

  await sql`create table activity_events (
    workspace_id uuid not null references workspaces (id) on delete cascade,
    id bigint generated always as identity,
    actor_id uuid references users (id) on delete set null,
    action text not null check (action in ('created', 'updated', 'deleted')),
    entity_type text not null,
    entity_id uuid not null,
    entity_title text not null default '',
    created_at timestamptz not null default now(),
    primary key (workspace_id, id)
  )`.execute(db);
  await sql`create index activity_events_recent_idx on activity_events (workspace_id, created_at desc)`.execute(db);

  for (const table of ["vision_versions", "personas", "competitors", "initiatives", "roadmap_items", "transcripts", "risks"]) {
    await sql`create index ${sql.id(`${table}_search_idx`)} on ${sql.table(table)} using gin (search)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "activity_events", "risks", "transcripts", "roadmap_shares", "roadmap_items", "initiative_links",
    "initiative_personas", "initiatives", "competitors", "personas", "vision_versions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("workspaces").dropColumn("prioritization").execute();
}
