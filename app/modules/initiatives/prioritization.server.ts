import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { FRAMEWORKS, type Framework } from "./scoring";

/** An admin's choice of framework for the whole workspace; every score shown follows it at once. */
export function setPrioritization(db: Database, workspaceId: string, actorId: string, framework: Framework) {
  return db.transaction().execute(async (trx) => {
    const workspace = await trx
      .updateTable("workspaces")
      .set({ prioritization: framework, updated_at: new Date() })
      .where("id", "=", workspaceId)
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "updated", {
      type: "workspace",
      id: workspace.id,
      title: `${workspace.name}: prioritisation by ${FRAMEWORKS[framework].name}`,
    });
  });
}
