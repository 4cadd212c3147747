import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = "owner" | "admin" | "editor" | "viewer";
export type EmailTokenPurpose = "verify_email" | "reset_password";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  avatar_url: string | null;
  email_verified_at: Date | null;
  age_confirmed_at: Date;
  policies_accepted_at: Date;
  policy_version: string;
  last_workspace_id: string | null;
  /** Origins of the user's own AI endpoints, allowed by the CSP; never a key. */
  ai_endpoints: Generated<string[]>;
  /** AES-256-GCM ciphertext of the TOTP key (app/services/two-factor); null without two-factor authentication. */
  totp_key: Uint8Array | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted: a code is good once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  secret_hash: Uint8Array;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
  user_agent: string | null;
  ip_prefix: string | null;
  /** Signed in with the first factor only: the session opens nothing but the two-factor page. */
  two_factor_pending: Generated<boolean>;
}

export type OAuthProvider = "google" | "microsoft";

export interface OAuthAccountsTable {
  id: Generated<string>;
  user_id: string;
  provider: OAuthProvider;
  subject: string;
  email: string;
  created_at: CreatedAt;
  last_used_at: Generated<Date>;
}

export interface OAuthSignupsTable {
  id: string;
  secret_hash: Uint8Array;
  provider: OAuthProvider;
  subject: string;
  email: string;
  email_verified: boolean;
  name: string;
  avatar_url: string | null;
  expires_at: Date;
}

export type IntegrationProvider = "slack" | "jira" | "notion" | "confluence" | "linear" | "github";

export interface WorkspaceKeysTable {
  workspace_id: string;
  version: number;
  master_key_id: string;
  wrapped_key: Uint8Array;
  created_at: CreatedAt;
  rewrapped_at: Date | null;
}

export interface IntegrationConnectionsTable {
  workspace_id: string;
  id: Generated<string>;
  provider: IntegrationProvider;
  status: Generated<"connected" | "error">;
  account_id: Generated<string>;
  account_name: Generated<string>;
  scopes_requested: ColumnType<string[], string[] | undefined, string[]>;
  scopes_granted: ColumnType<string[], string[] | undefined, string[]>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  last_sync_at: Date | null;
  last_error: string | null;
  connected_by: string | null;
  connected_at: CreatedAt;
}

export type SecretField = "access_token" | "refresh_token";

export interface IntegrationSecretsTable {
  workspace_id: string;
  connection_id: string;
  field: SecretField;
  key_version: number;
  ciphertext: Uint8Array;
  expires_at: Date | null;
  updated_at: Generated<Date>;
}

export type IntegrationJobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface IntegrationJobsTable {
  workspace_id: string;
  id: Generated<string>;
  connection_id: string | null;
  kind: string;
  status: Generated<IntegrationJobStatus>;
  total: number | null;
  done: Generated<number>;
  checkpoint: ColumnType<unknown, string | null | undefined, string | null>;
  attempts: Generated<number>;
  last_error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: Uint8Array;
  used_at: Date | null;
}

export interface EmailTokensTable {
  id: Generated<string>;
  token_hash: Uint8Array;
  user_id: string;
  purpose: EmailTokenPurpose;
  email: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface RateLimitsTable {
  bucket: string;
  subject: string;
  hits: number;
  resets_at: Date;
}

export type Prioritization = "rice" | "wsjf" | "ice";

export interface WorkspacesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  prioritization: Generated<Prioritization>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  role: Exclude<Role, "owner">;
  token_hash: Uint8Array;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  created_at: CreatedAt;
}

/** Columns every editable product-data row has: optimistic-locking version, provenance, audit. */
interface Audited {
  workspace_id: string;
  id: Generated<string>;
  version: Generated<number>;
  source: Generated<Source>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** Generated by PostgreSQL for full-text search; never written. */
  search: ColumnType<string, never, never>;
}

export type Source = "manual" | "ai" | "transcript" | "import" | "jira" | "linear" | "github" | "notion" | "slack";
export type InitiativeStatus = "idea" | "discovery" | "planned" | "in_progress" | "shipped" | "parked";
export type RiskStatus = "open" | "mitigating" | "accepted" | "closed";
export type Lane = "now" | "next" | "later";
export type ThreatLevel = "low" | "medium" | "high";
export type TranscriptFormat = "text" | "markdown" | "vtt" | "srt";
type Numeric = ColumnType<number | null, number | null | undefined, number | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface VisionVersionsTable {
  workspace_id: string;
  id: Generated<string>;
  number: number;
  statement: string;
  mission: string;
  target_customers: string;
  principles: string;
  north_star_metric: string;
  source: Generated<Source>;
  created_by: string | null;
  created_at: CreatedAt;
  search: ColumnType<string, never, never>;
}

export interface PersonasTable extends Audited {
  name: string;
  segment: string;
  goals: string;
  pains: string;
  jobs_to_be_done: string;
  quote: string;
}

export interface CompetitorsTable extends Audited {
  name: string;
  website: string;
  positioning: string;
  strengths: string;
  weaknesses: string;
  pricing_notes: string;
  threat_level: ThreatLevel;
}

export interface InitiativesTable extends Audited {
  title: string;
  problem: Generated<string>;
  description: Generated<string>;
  status: Generated<InitiativeStatus>;
  owner_id: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  target_quarter: string | null;
  reach: Numeric;
  impact: Numeric;
  confidence: Numeric;
  effort: Numeric;
  business_value: Numeric;
  time_criticality: Numeric;
  risk_reduction: Numeric;
  job_size: Numeric;
  ease: Numeric;
  /** ICE rates impact and confidence on 1–10, unlike RICE: columns of their own. */
  ice_impact: Numeric;
  ice_confidence: Numeric;
  /** STORED generated scores (migration 20261123200500), for index-backed score order only. */
  rice_score: ColumnType<number | null, never, never>;
  wsjf_score: ColumnType<number | null, never, never>;
  ice_score: ColumnType<number | null, never, never>;
}

export interface InitiativePersonasTable {
  workspace_id: string;
  initiative_id: string;
  persona_id: string;
}

export interface InitiativeLinksTable {
  workspace_id: string;
  id: Generated<string>;
  initiative_id: string;
  provider: "jira" | "linear" | "github";
  external_id: string;
  url: string;
  title: string;
  status: string;
  created_at: CreatedAt;
}

export interface RoadmapItemsTable extends Audited {
  title: string;
  description: string;
  lane: Lane;
  /** Fractional index: items sort by it (bytewise) within a lane. */
  position: string;
  initiative_id: string | null;
  start_quarter: string | null;
  end_quarter: string | null;
}

export interface RoadmapSharesTable {
  id: Generated<string>;
  workspace_id: string;
  token_hash: Uint8Array;
  hidden_fields: ColumnType<string[], string[] | undefined, string[]>;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface TranscriptsTable extends Audited {
  title: string;
  meeting_date: ColumnType<string | null, string | null | undefined, string | null>;
  attendees: ColumnType<string[], string[] | undefined, string[]>;
  format: Generated<TranscriptFormat>;
  content: string;
  segments: Json<TranscriptSegment[] | null>;
  summary: Generated<string>;
  decisions: Json<string[]>;
  action_items: Json<ActionItem[]>;
}

export interface TranscriptSegment {
  start: number;
  end: number;
  speaker: string | null;
  text: string;
}

export interface ActionItem {
  /** Stable across edits, so an item's conversion survives rows being added or removed. */
  id?: string;
  text: string;
  owner: string | null;
  /** The transcript passage it came from. */
  quote: string | null;
  /** Set once the item became an initiative or a risk, so it is not turned into one twice. */
  initiative_id?: string | null;
  risk_id?: string | null;
}

export interface RisksTable extends Audited {
  title: string;
  description: Generated<string>;
  category: Generated<string>;
  likelihood: number;
  impact: number;
  severity: ColumnType<number, never, never>;
  status: Generated<RiskStatus>;
  owner_id: ColumnType<string | null, string | null | undefined, string | null>;
  mitigation: Generated<string>;
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
  initiative_id: ColumnType<string | null, string | null | undefined, string | null>;
  transcript_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ActivityEventsTable {
  workspace_id: string;
  id: ColumnType<number, never, never>;
  actor_id: string | null;
  action: "created" | "updated" | "deleted";
  entity_type: string;
  entity_id: string;
  entity_title: string;
  created_at: CreatedAt;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  oauth_accounts: OAuthAccountsTable;
  oauth_signups: OAuthSignupsTable;
  recovery_codes: RecoveryCodesTable;
  workspace_keys: WorkspaceKeysTable;
  integration_connections: IntegrationConnectionsTable;
  integration_secrets: IntegrationSecretsTable;
  integration_jobs: IntegrationJobsTable;
  email_tokens: EmailTokensTable;
  rate_limits: RateLimitsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  vision_versions: VisionVersionsTable;
  personas: PersonasTable;
  competitors: CompetitorsTable;
  initiatives: InitiativesTable;
  initiative_personas: InitiativePersonasTable;
  initiative_links: InitiativeLinksTable;
  roadmap_items: RoadmapItemsTable;
  roadmap_shares: RoadmapSharesTable;
  transcripts: TranscriptsTable;
  risks: RisksTable;
  activity_events: ActivityEventsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type Membership = Selectable<MembershipsTable>;
