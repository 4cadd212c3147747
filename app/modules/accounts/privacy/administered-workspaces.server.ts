import type { Database } from "../../../../db/database";
import { listConnections } from "../../integrations/connections.server";
import { PROVIDERS } from "../../integrations/providers.server";

export interface AdministeredWorkspace {
  id: string;
  slug: string;
  name: string;
  role: string;
  connections: Array<{ provider: string; name: string; account: string; connectedAt: Date }>;
}

/** Workspaces (not deleted) where the user is an admin or owner: the ones they may export and whose integrations they manage. */
export async function listAdministeredWorkspaces(db: Database, userId: string): Promise<AdministeredWorkspace[]> {
  const workspaces = await db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.slug", "workspaces.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.role", "in", ["owner", "admin"])
    .where("workspaces.deleted_at", "is", null)
    .orderBy("workspaces.name")
    .execute();
  return Promise.all(
    workspaces.map(async (workspace) => ({
      ...workspace,
      connections: (await listConnections(db, workspace.id)).map((connection) => ({
        provider: connection.provider,
        name: PROVIDERS.find((p) => p.id === connection.provider)?.name ?? connection.provider,
        account: connection.account_name,
        connectedAt: connection.connected_at,
      })),
    })),
  );
}
