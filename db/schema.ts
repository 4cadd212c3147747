import type { Selectable } from "kysely";
import type {
  EmailTokensTable,
  InvitationsTable,
  MembershipsTable,
  OAuthAccountsTable,
  OAuthSignupsTable,
  BrowserFlowsTable,
  PolicyAcceptancesTable,
  RateLimitsTable,
  RecoveryCodesTable,
  SessionsTable,
  UsersTable,
  WorkspacesTable,
} from "./tables/accounts";
import type { IntegrationConnectionsTable, IntegrationJobsTable, IntegrationSecretsTable, WorkspaceKeysTable } from "./tables/integrations";
import type {
  ActivityEventsTable,
  CompetitorsTable,
  InitiativeLinksTable,
  InitiativePersonasTable,
  InitiativesTable,
  PersonasTable,
  RisksTable,
  RoadmapItemsTable,
  RoadmapSharesTable,
  TranscriptsTable,
  VisionVersionsTable,
} from "./tables/product";
import type { UsageDailyTable, UsageEventsTable } from "./tables/usage";

// The database as Kysely sees it; the table interfaces live in db/tables/, by area.
export type * from "./tables/accounts";
export type * from "./tables/integrations";
export type * from "./tables/product";
export type * from "./tables/usage";

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  oauth_accounts: OAuthAccountsTable;
  oauth_signups: OAuthSignupsTable;
  browser_flows: BrowserFlowsTable;
  recovery_codes: RecoveryCodesTable;
  policy_acceptances: PolicyAcceptancesTable;
  usage_events: UsageEventsTable;
  usage_daily: UsageDailyTable;
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
export type Workspace = Selectable<WorkspacesTable>;
