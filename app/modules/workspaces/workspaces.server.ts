import type { AppLoadContext } from "@remix-run/node";
import type { Database } from "../../../db/database";
import type { Role, Workspace } from "../../../db/schema";
import { requireVerifiedUser } from "../../services/auth.server";
import { AppError, forbidden, notFound } from "../../services/errors.server";
import { atLeast } from "./roles";

// Addresses that name pages rather than workspaces.
const RESERVED_SLUGS = new Set(["new", "import", "settings", "api", "admin", "share", "auth", "dev"]);

function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug.length >= 2 && !RESERVED_SLUGS.has(slug) ? slug : `workspace${slug ? `-${slug}` : ""}`;
}

/** Creates a workspace owned by its creator, under the first free address derived from its name. */
export async function createWorkspace(db: Database, ownerId: string, name: string): Promise<Workspace> {
  return db.transaction().execute((trx) => createWorkspaceIn(trx, ownerId, name));
}

/** `createWorkspace` inside a transaction the caller holds (an import creates the workspace and its data at once). */
export async function createWorkspaceIn(trx: Database, ownerId: string, name: string): Promise<Workspace> {
  const base = slugify(name);
  for (let attempt = 1; ; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    const workspace = await trx
      .insertInto("workspaces")
      .values({ name, slug })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!workspace) continue;
    await trx.insertInto("memberships").values({ workspace_id: workspace.id, user_id: ownerId, role: "owner" }).execute();
    await trx.updateTable("users").set({ last_workspace_id: workspace.id }).where("id", "=", ownerId).execute();
    return workspace;
  }
}

export function listWorkspacesForUser(db: Database, userId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.slug", "workspaces.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .where("workspaces.deleted_at", "is", null)
    .orderBy("workspaces.name")
    .execute();
}

function findMembership(db: Database, slug: string, userId: string) {
  return db
    .selectFrom("workspaces")
    .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
    .select(["workspaces.id", "workspaces.slug", "workspaces.name", "memberships.role"])
    .where("workspaces.slug", "=", slug)
    .where("memberships.user_id", "=", userId)
    // A deleted workspace is gone for everyone at once: every /w/:slug/… page resolves access here.
    .where("workspaces.deleted_at", "is", null)
    .executeTakeFirst();
}

export interface WorkspaceAccess {
  user: { id: string; name: string; email: string };
  workspace: { id: string; slug: string; name: string };
  role: Role;
}

/**
 * The signed-in user's access to the workspace at `slug`. A workspace the user is not a member of
 * answers 404, exactly like one that does not exist; a role below `minimum` answers 403.
 */
export async function requireMembership(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  minimum: Role = "viewer",
): Promise<WorkspaceAccess> {
  const user = requireVerifiedUser(request, context);
  const membership = slug ? await findMembership(context.db, slug, user.id) : undefined;
  if (!membership) throw notFound("This workspace");
  if (!atLeast(membership.role, minimum)) {
    throw forbidden(`This needs the ${minimum} role or higher; you are ${/^[ae]/.test(membership.role) ? "an" : "a"} ${membership.role} here.`);
  }
  const { role, ...workspace } = membership;
  return { user: { id: user.id, name: user.name, email: user.email }, workspace, role };
}

export async function rememberWorkspace(db: Database, userId: string, workspaceId: string) {
  await db
    .updateTable("users")
    .set({ last_workspace_id: workspaceId })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("last_workspace_id", "is", null), eb("last_workspace_id", "!=", workspaceId)]))
    .execute();
}

export async function updateWorkspace(db: Database, workspaceId: string, changes: { name: string; slug: string }) {
  if (RESERVED_SLUGS.has(changes.slug)) {
    throw new AppError(409, "Address taken", "That address is reserved. Choose another.");
  }
  const updated = await db
    .updateTable("workspaces")
    .set({ ...changes, updated_at: new Date() })
    .where("id", "=", workspaceId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("workspaces as other").select("other.id").where("other.slug", "=", changes.slug).where("other.id", "!=", workspaceId))),
    )
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new AppError(409, "Address taken", "Another workspace already uses that address. Choose another.");
  return updated;
}
