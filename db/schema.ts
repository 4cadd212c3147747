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

export interface WorkspacesTable {
  id: Generated<string>;
  slug: string;
  name: string;
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

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  rate_limits: RateLimitsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type Membership = Selectable<MembershipsTable>;
