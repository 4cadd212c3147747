import type { ColumnType, Generated } from "kysely";
import type { CreatedAt } from "./column-types";

// Integrations (PRODUCT.md §5): connections, their encrypted secrets, workspace keys and background jobs.

// The providers built so far. The column's check constraint (migration 20261123500000) already admits
// confluence, linear and github, which join here when they are built.
export type IntegrationProvider = "slack" | "jira" | "notion";

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

/** What a job made, for the UI to link: "Open the note “Checkout spec”" to a path inside the workspace. */
export interface IntegrationJobResult {
  /** What it is: "transcript", "note". */
  noun: string;
  title: string;
  /** Inside the workspace: `/transcripts/<id>`. */
  path: string;
}

export interface IntegrationJobsTable {
  workspace_id: string;
  id: Generated<string>;
  connection_id: string | null;
  kind: string;
  /** The one thing a job works on (a Notion page id), or "" for a job over the whole connection. */
  subject: Generated<string>;
  status: Generated<IntegrationJobStatus>;
  total: number | null;
  done: Generated<number>;
  checkpoint: ColumnType<unknown, string | null | undefined, string | null>;
  result: ColumnType<IntegrationJobResult | null, string | null | undefined, string | null>;
  attempts: Generated<number>;
  last_error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
}
