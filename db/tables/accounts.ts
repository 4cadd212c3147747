import type { ColumnType, Generated } from "kysely";
import type { Timestamp, CreatedAt } from "./column-types";

// Global tables: people, their sessions and sign-in methods, workspaces and who belongs to them.

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

export type BrowserFlowPurpose = "sign-in" | "connect";

/** An OAuth round trip in progress: a session's (signed in) or a signed-out browser's (its token's secret hash). */
export interface BrowserFlowsTable {
  id: string;
  purpose: BrowserFlowPurpose;
  session_id: string | null;
  secret_hash: Uint8Array | null;
  payload: ColumnType<unknown, string, string>;
  expires_at: Date;
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
  /** Soft deletion: hidden from everyone, restorable by an owner for 30 days, then purged. */
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PolicyAcceptancesTable {
  user_id: string;
  version: string;
  accepted_at: Generated<Date>;
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
