import { purgeSpentEmailTokens } from "../modules/accounts/accounts.server";
import { purgeExpiredOAuthSignups } from "../modules/accounts/pending-signups.server";
import { JIRA_JOB_HANDLERS } from "../modules/integrations/jira/jira-jobs.server";
import { NOTION_JOB_HANDLERS } from "../modules/integrations/notion/notion-jobs.server";
import { SLACK_JOB_HANDLERS } from "../modules/integrations/slack-thread-import.server";
import { rollUpAndPurgeUsage } from "../modules/usage/usage-retention.server";
import { purgeExpiredInvitations } from "../modules/workspaces/invitations.server";
import { purgeDeletedWorkspacesRevokingTokens } from "../modules/workspaces/workspace-deletion.server";
import { purgeExpiredFlows } from "../services/browser-flows.server";
import type { JobDefinition } from "../services/jobs/job-definition.server";
import { purgeExpiredRateLimits } from "../services/rate-limit.server";
import { deletionTask, type RetentionTask } from "../services/retention/retention.server";
import { purgeExpiredSessions } from "../services/session.server";

/**
 * What a server runs in the background, each piece from the module it belongs to, handed to the queue by
 * start-up.ts (and by the test harness) rather than registered by importing files for their side effects
 * (docs/decisions/021). The Remix routes only enqueue: they never need these.
 */

/** Every kind of job a worker takes, with its handler. A new kind of job adds its module's list here. */
export const BACKGROUND_JOBS: readonly JobDefinition[] = [...JIRA_JOB_HANDLERS, ...NOTION_JOB_HANDLERS, ...SLACK_JOB_HANDLERS];

/** The daily retention job's steps, in the order it runs them. A new kind of expiring data adds a line here. */
export const RETENTION_TASKS: readonly RetentionTask[] = [
  deletionTask("sessions", purgeExpiredSessions),
  deletionTask("email-tokens", purgeSpentEmailTokens),
  deletionTask("oauth-signups", purgeExpiredOAuthSignups),
  deletionTask("browser-flows", purgeExpiredFlows),
  deletionTask("invitations", purgeExpiredInvitations),
  deletionTask("rate-limits", purgeExpiredRateLimits),
  { name: "deleted-workspaces", run: ({ db, config, logger, now }) => purgeDeletedWorkspacesRevokingTokens(db, config, logger, now) },
  { name: "usage-events", run: ({ db, now }) => rollUpAndPurgeUsage(db, now) },
];
