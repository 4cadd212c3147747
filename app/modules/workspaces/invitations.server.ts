import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Role } from "../../../db/schema";
import { AppError } from "../../services/errors.server";
import { generateToken, hashToken } from "../../services/tokens.server";

const INVITATION_LIFETIME = 7 * 24 * 60 * 60 * 1000;

/** Invites an email address; inviting it again replaces the pending invitation (and its link). */
export async function createInvitation(
  db: Database,
  workspaceId: string,
  input: { email: string; role: Exclude<Role, "owner">; invitedBy: string },
): Promise<string> {
  const token = generateToken();
  await db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select("users.id")
      .where("memberships.workspace_id", "=", workspaceId)
      .where(sql`lower(users.email)`, "=", input.email.toLowerCase())
      .executeTakeFirst();
    if (member) throw new AppError(409, "Already a member", "This person is already a member of the workspace.");
    await trx
      .deleteFrom("invitations")
      .where("workspace_id", "=", workspaceId)
      .where(sql`lower(email)`, "=", input.email.toLowerCase())
      .where("accepted_at", "is", null)
      .execute();
    await trx
      .insertInto("invitations")
      .values({
        workspace_id: workspaceId,
        email: input.email,
        role: input.role,
        invited_by: input.invitedBy,
        token_hash: hashToken(token),
        expires_at: new Date(Date.now() + INVITATION_LIFETIME),
      })
      .execute();
  });
  return token;
}

export function listPendingInvitations(db: Database, workspaceId: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "email", "role", "expires_at", "created_at"])
    .where("workspace_id", "=", workspaceId)
    .where("accepted_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeInvitation(db: Database, workspaceId: string, invitationId: string) {
  await db
    .deleteFrom("invitations")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", invitationId)
    .where("accepted_at", "is", null)
    .execute();
}

/** A pending, unexpired invitation with what the invitee needs to see; undefined otherwise. */
export function findInvitation(db: Database, token: string) {
  return db
    .selectFrom("invitations")
    .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
    .leftJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.role",
      "invitations.expires_at",
      "workspaces.id as workspace_id",
      "workspaces.name as workspace_name",
      "workspaces.slug as workspace_slug",
      "inviter.name as inviter_name",
    ])
    .where("invitations.token_hash", "=", hashToken(token))
    .where("workspaces.deleted_at", "is", null)
    .where("invitations.accepted_at", "is", null)
    .where("invitations.expires_at", ">", new Date())
    .executeTakeFirst();
}

/**
 * Accepts the invitation for a signed-in user whose email it was sent to. Single use: the update
 * that marks it accepted is what admits the user, so a second use finds nothing.
 */
export async function acceptInvitation(db: Database, token: string, user: { id: string; email: string }) {
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .updateTable("invitations")
      .set({ accepted_at: new Date() })
      .where("token_hash", "=", hashToken(token))
      .where("accepted_at", "is", null)
      .where("expires_at", ">", new Date())
      .where(sql`lower(email)`, "=", user.email.toLowerCase())
      // An invitation to a deleted workspace admits nobody, though it may come back on restore.
      .where((eb) => eb.exists(eb.selectFrom("workspaces").select("workspaces.id").whereRef("workspaces.id", "=", "invitations.workspace_id").where("workspaces.deleted_at", "is", null)))
      .returning(["workspace_id", "role"])
      .executeTakeFirst();
    if (!invitation) {
      throw new AppError(410, "Invitation unavailable", "This invitation was already used, has expired, or was sent to another email address.");
    }
    await trx
      .insertInto("memberships")
      .values({ workspace_id: invitation.workspace_id, user_id: user.id, role: invitation.role })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
      .execute();
    await trx.updateTable("users").set({ last_workspace_id: invitation.workspace_id }).where("id", "=", user.id).execute();
    const workspace = await trx
      .selectFrom("workspaces")
      .select("slug")
      .where("id", "=", invitation.workspace_id)
      .executeTakeFirstOrThrow();
    return workspace.slug;
  });
}

/** An expired invitation stays visible to the workspace's admins this long, then goes. */
export const EXPIRED_INVITATION_DAYS = 30;

/** Pending invitations that expired more than 30 days ago (an invitee's email address); the retention job's step. */
export async function purgeExpiredInvitations(db: Database, now = new Date()): Promise<number> {
  const result = await db
    .deleteFrom("invitations")
    .where("accepted_at", "is", null)
    .where("expires_at", "<", new Date(now.getTime() - EXPIRED_INVITATION_DAYS * 24 * 60 * 60 * 1000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
