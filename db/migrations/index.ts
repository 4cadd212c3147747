import type { Migration } from "kysely";
import * as accountsAndWorkspaces from "./20261123000000_accounts_and_workspaces";
import * as productWorkspace from "./20261123100000_product_workspace";
import * as initiativeIceScores from "./20261123200400_initiative_ice_scores";
import * as initiativeScoreColumns from "./20261123200500_initiative_score_columns";
import * as aiEndpoints from "./20261123300000_ai_endpoints";
import * as signInMethodsAndTwoFactor from "./20261123400000_sign_in_methods_and_two_factor";
import * as integrations from "./20261123500000_integrations";
import * as integrationJobs from "./20261123500100_integration_jobs";
import * as transcriptKinds from "./20261123600000_transcript_kinds";
import * as privacyAndUsage from "./20261123700000_privacy_and_usage";
import * as workspaceRestoredActivity from "./20261123700200_workspace_restored_activity";
import * as jobSubjectsAndResults from "./20261123800000_job_subjects_and_results";
import * as browserFlows from "./20261123800100_browser_flows";

/**
 * Every migration, by name. One static list serves the server bundle, the CLI and vitest alike;
 * db/migrations.test.ts fails when a file in this folder is missing from it.
 */
export const migrations: Record<string, Migration> = {
  "20261123000000_accounts_and_workspaces": accountsAndWorkspaces,
  "20261123100000_product_workspace": productWorkspace,
  "20261123200400_initiative_ice_scores": initiativeIceScores,
  "20261123200500_initiative_score_columns": initiativeScoreColumns,
  "20261123300000_ai_endpoints": aiEndpoints,
  "20261123400000_sign_in_methods_and_two_factor": signInMethodsAndTwoFactor,
  "20261123500000_integrations": integrations,
  "20261123500100_integration_jobs": integrationJobs,
  "20261123600000_transcript_kinds": transcriptKinds,
  "20261123700000_privacy_and_usage": privacyAndUsage,
  "20261123700200_workspace_restored_activity": workspaceRestoredActivity,
  "20261123800000_job_subjects_and_results": jobSubjectsAndResults,
  "20261123800100_browser_flows": browserFlows,
};
