import { sql } from "kysely";
import type { Database } from "../../../../db/database";
import { PERSONAL_DATA, PERSONAL_TABLES, type PersonalTable } from "./personal-data";
import { rowsAbout } from "./personal-export.server";

export interface WorkspaceToDelete {
  id: string;
  slug: string;
  name: string;
  members: number;
  deletedAt: Date | null;
}

export interface DeletionSummary {
  /** Workspaces where the user is the only owner: deleted with the account, at once and for good. */
  deletedWorkspaces: WorkspaceToDelete[];
  /** Workspaces that have another owner: the user only leaves them. */
  leftWorkspaces: Array<{ id: string; name: string; role: string }>;
  /** Per PERSONAL_DATA table, how many rows go and how many stay without the user's name. */
  counts: Array<{ table: string; label: string; fate: PersonalTable["fate"]; rows: number }>;
}

/**
 * The workspaces the user owns alone, soft-deleted ones included (they are the user's to restore, and
 * nobody else could). Counted with all their members: everyone there loses them.
 */
export async function workspacesOwnedAlone(db: Database, userId: string): Promise<WorkspaceToDelete[]> {
  const rows = await db
    .selectFrom("workspaces")
    .innerJoin("memberships as mine", "mine.workspace_id", "workspaces.id")
    .select((eb) => [
      "workspaces.id",
      "workspaces.slug",
      "workspaces.name",
      "workspaces.deleted_at",
      eb.selectFrom("memberships as m").select((c) => c.fn.countAll<number>().as("n")).whereRef("m.workspace_id", "=", "workspaces.id").as("members"),
    ])
    .where("mine.user_id", "=", userId)
    .where("mine.role", "=", "owner")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("memberships as other")
            .select("other.user_id")
            .whereRef("other.workspace_id", "=", "workspaces.id")
            .where("other.role", "=", "owner")
            .where("other.user_id", "!=", userId),
        ),
      ),
    )
    .orderBy("workspaces.name")
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, members: Number(row.members ?? 0), deletedAt: row.deleted_at }));
}

/** What deleting the account would remove, for the page to show before the form. */
export async function summarizeDeletion(db: Database, userId: string): Promise<DeletionSummary> {
  const deletedWorkspaces = await workspacesOwnedAlone(db, userId);
  const goingWithAccount = new Set(deletedWorkspaces.map((w) => w.id));
  const memberships = await db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("workspaces.name")
    .execute();
  const counts: DeletionSummary["counts"] = [];
  for (const table of PERSONAL_TABLES) {
    if (table === "users") continue;
    const entry: PersonalTable = PERSONAL_DATA[table];
    // Rows inside a workspace that goes with the account are counted as part of that workspace.
    const rows = (await rowsAbout(db, table, userId)).filter((row) => !goingWithAccount.has(String(row.workspace_id ?? row.id)));
    if (rows.length) counts.push({ table, label: entry.label, fate: entry.fate, rows: rows.length });
  }
  return { deletedWorkspaces, leftWorkspaces: memberships.filter((m) => !goingWithAccount.has(m.id)), counts };
}

/**
 * Deletes the account, in one transaction: first the workspaces the user owns alone (hard; their data
 * cascades), then what names the user outside a foreign key (invitations to their address, a pending
 * provider sign-up with it), then the user row. Every foreign key to `users` cascades (their sessions,
 * memberships, identities, codes, tokens, acceptances) or sets null (what they wrote in workspaces
 * that stay). Nothing about the deletion is recorded: a record would be about them.
 */
export async function deleteAccount(db: Database, userId: string): Promise<{ email: string; name: string; deletedWorkspaces: string[] }> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select(["email", "name"]).where("id", "=", userId).forUpdate().executeTakeFirstOrThrow();
    // Lock the user's workspaces so no one becomes (or stops being) a co-owner while we decide.
    await sql`select 1 from workspaces where id in (select workspace_id from memberships where user_id = ${userId}) for update`.execute(trx);
    const alone = await workspacesOwnedAlone(trx, userId);
    if (alone.length) await trx.deleteFrom("workspaces").where("id", "in", alone.map((w) => w.id)).execute();
    await trx.deleteFrom("invitations").where(sql`lower(email)`, "=", user.email.toLowerCase()).execute();
    await trx.deleteFrom("oauth_signups").where(sql`lower(email)`, "=", user.email.toLowerCase()).execute();
    await trx.deleteFrom("users").where("id", "=", userId).execute();
    return { email: user.email, name: user.name, deletedWorkspaces: alone.map((w) => w.name) };
  });
}
