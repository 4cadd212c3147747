import type { Database } from "../../../db/database";
import { POLICY_VERSION } from "./policies";

/**
 * Records that the user accepted a version of the Terms and Privacy Policy: the history row in
 * policy_acceptances, and users.policy_version, which every request reads (app/server/policy-check.ts).
 */
export async function recordPolicyAcceptance(db: Database, userId: string, version: string = POLICY_VERSION, at = new Date()): Promise<void> {
  await db
    .insertInto("policy_acceptances")
    .values({ user_id: userId, version, accepted_at: at })
    .onConflict((oc) => oc.columns(["user_id", "version"]).doNothing())
    .execute();
  await db.updateTable("users").set({ policy_version: version, policies_accepted_at: at, updated_at: at }).where("id", "=", userId).execute();
}

/** Accepting the current version again after a material change, in one transaction. */
export function acceptCurrentPolicies(db: Database, userId: string): Promise<void> {
  return db.transaction().execute((trx) => recordPolicyAcceptance(trx, userId));
}
