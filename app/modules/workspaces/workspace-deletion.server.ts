import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import type { Config } from "../../services/env.server";
import { AppError } from "../../services/errors.server";
import type { Logger } from "../../services/logger.server";
import { revokeConnectionsOf } from "../integrations/connections.server";

// A deleted workspace is hidden from everyone at once and kept this long, so its owner can undo a
// mistake; the retention job (app/services/retention) then purges it (docs/decisions/015-…).
export const WORKSPACE_RESTORE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a workspace deleted at `deletedAt` is purged for good. */
function purgeDateOf(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + WORKSPACE_RESTORE_DAYS * DAY_MS);
}

/** Soft-deletes a workspace (the caller has checked the actor owns it); answers its purge date. */
export async function deleteWorkspace(db: Database, workspaceId: string, actorId: string, now = new Date()): Promise<Date> {
  return db.transaction().execute(async (trx) => {
    const workspace = await trx
      .updateTable("workspaces")
      .set({ deleted_at: now, deleted_by: actorId, updated_at: now })
      .where("id", "=", workspaceId)
      .where("deleted_at", "is", null)
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!workspace) throw new AppError(404, "Not found", "This workspace does not exist, or you do not have access to it.");
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "workspace", id: workspace.id, title: workspace.name });
    return purgeDateOf(now);
  });
}

/** Deleted workspaces the user owns and can still restore, soonest purge first. */
export async function listDeletedWorkspacesOwnedBy(db: Database, userId: string) {
  const rows = await db
    .selectFrom("workspaces")
    .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
    .select(["workspaces.id", "workspaces.slug", "workspaces.name", "workspaces.deleted_at"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.role", "=", "owner")
    .where("workspaces.deleted_at", "is not", null)
    .orderBy("workspaces.deleted_at")
    .execute();
  return rows.map(({ deleted_at, ...workspace }) => ({ ...workspace, deletedAt: deleted_at!, purgeAt: purgeDateOf(deleted_at!) }));
}

/**
 * Brings a deleted workspace back exactly as it was. Scoped by the user's owner membership: anyone
 * else, or a workspace that is not deleted, gets the same 404 as one that does not exist.
 */
export async function restoreWorkspace(db: Database, userId: string, workspaceId: string): Promise<{ slug: string }> {
  return db.transaction().execute(async (trx) => {
    const workspace = await trx
      .updateTable("workspaces")
      .set({ deleted_at: null, deleted_by: null, updated_at: new Date() })
      .where("id", "=", workspaceId)
      .where("deleted_at", "is not", null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("memberships")
            .select("memberships.user_id")
            .where("memberships.workspace_id", "=", workspaceId)
            .where("memberships.user_id", "=", userId)
            .where("memberships.role", "=", "owner"),
        ),
      )
      .returning(["id", "slug", "name"])
      .executeTakeFirst();
    if (!workspace) throw new AppError(404, "Not found", "This workspace does not exist, or you do not have access to it.");
    await recordActivity(trx, workspace.id, userId, "restored", { type: "workspace", id: workspace.id, title: workspace.name });
    await trx.updateTable("users").set({ last_workspace_id: workspace.id }).where("id", "=", userId).execute();
    return { slug: workspace.slug };
  });
}

/**
 * Hard-deletes workspaces deleted more than 30 days before `now`. Every foreign key to workspaces
 * cascades (workspace-deletion.test.ts checks the catalogue), so their data, keys and secrets go too.
 * `beforePurge` sees the workspaces first (the retention job revokes their integrations' tokens there).
 */
export async function purgeDeletedWorkspaces(db: Database, now = new Date(), beforePurge?: (workspaceIds: string[]) => Promise<unknown>): Promise<number> {
  const cutoff = new Date(now.getTime() - WORKSPACE_RESTORE_DAYS * DAY_MS);
  const due = await db.selectFrom("workspaces").select("id").where("deleted_at", "<=", cutoff).execute();
  if (due.length === 0) return 0;
  await beforePurge?.(due.map((workspace) => workspace.id));
  // Still deleted and still due: a restore in the meantime keeps its workspace.
  const purged = await db
    .deleteFrom("workspaces")
    .where("id", "in", due.map((workspace) => workspace.id))
    .where("deleted_at", "<=", cutoff)
    .executeTakeFirst();
  return Number(purged.numDeletedRows);
}

/**
 * The retention job's step for deleted workspaces: those past their 30 days have their integrations'
 * tokens revoked at the providers, then go with everything they hold.
 */
export async function purgeDeletedWorkspacesRevokingTokens(db: Database, config: Config, logger: Pick<Logger, "warn">, now = new Date()): Promise<{ deleted: number; revoked: number }> {
  let revoked = 0;
  const deleted = await purgeDeletedWorkspaces(db, now, async (workspaceIds) => {
    revoked = await revokeConnectionsOf(db, config, workspaceIds, logger);
  });
  return { deleted, revoked };
}
