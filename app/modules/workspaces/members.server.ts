import type { Database } from "../../../db/database";
import type { Role } from "../../../db/schema";
import { AppError } from "../../services/errors.server";
import { canAssign } from "./roles";

export function listMembers(db: Database, workspaceId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.name", "users.email", "users.avatar_url", "memberships.role", "memberships.created_at"])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("users.name")
    .execute();
}

interface Actor {
  id: string;
  role: Role;
}

/**
 * Changes a member's role. Runs with the workspace row locked, so two admins demoting the last two
 * owners at the same moment cannot leave the workspace without one.
 */
export async function changeRole(db: Database, workspaceId: string, actor: Actor, userId: string, role: Role) {
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom("workspaces").select("id").where("id", "=", workspaceId).forUpdate().execute();
    const target = await trx
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!target) throw new AppError(404, "Not found", "That person is not a member of this workspace.");
    if (!canAssign(actor.role, target.role, role)) {
      throw new AppError(403, "Not allowed", "Only owners can change an owner's role or make someone an owner.");
    }
    if (target.role === "owner" && role !== "owner") await assertAnotherOwner(trx, workspaceId, userId);
    await trx
      .updateTable("memberships")
      .set({ role, updated_at: new Date() })
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .execute();
  });
}

/** Removes a member, or lets a member leave (actor = target). */
export async function removeMember(db: Database, workspaceId: string, actor: Actor, userId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom("workspaces").select("id").where("id", "=", workspaceId).forUpdate().execute();
    const target = await trx
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!target) throw new AppError(404, "Not found", "That person is not a member of this workspace.");
    const leaving = actor.id === userId;
    if (!leaving && !canAssign(actor.role, target.role, target.role)) {
      throw new AppError(403, "Not allowed", "Only owners can remove an owner.");
    }
    if (target.role === "owner") await assertAnotherOwner(trx, workspaceId, userId);
    await trx.deleteFrom("memberships").where("workspace_id", "=", workspaceId).where("user_id", "=", userId).execute();
  });
}

async function assertAnotherOwner(db: Database, workspaceId: string, userId: string) {
  const other = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .where("user_id", "!=", userId)
    .executeTakeFirst();
  if (!other) {
    throw new AppError(409, "An owner is needed", "A workspace needs at least one owner. Make someone else an owner first.");
  }
}
