import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { getInitiative } from "./initiatives.server";
import type { LinkProvider } from "./links";

const NOT_FOUND = "This initiative does not exist, or you do not have access to it.";

/** Everything the initiative's page shows: the row, its owner, its personas and its issue links. */
export async function requireInitiativeDetail(db: Database, workspaceId: string, id: string) {
  const [initiative, personas, links] = await Promise.all([
    getInitiative(db, workspaceId, id),
    db
      .selectFrom("initiative_personas as ip")
      .innerJoin("personas as p", (join) => join.onRef("p.workspace_id", "=", "ip.workspace_id").onRef("p.id", "=", "ip.persona_id"))
      .select(["p.id", "p.name", "p.segment"])
      .where("ip.workspace_id", "=", workspaceId)
      .where("ip.initiative_id", "=", id)
      .orderBy("p.name")
      .execute(),
    db
      .selectFrom("initiative_links")
      .select(["id", "provider", "external_id", "url", "title", "status"])
      .where("workspace_id", "=", workspaceId)
      .where("initiative_id", "=", id)
      .orderBy("created_at")
      .execute(),
  ]);
  if (!initiative) throw new AppError(404, "Not found", NOT_FOUND);
  const owner = initiative.owner_id
    ? await db.selectFrom("users").select(["id", "name", "email"]).where("id", "=", initiative.owner_id).executeTakeFirst()
    : undefined;
  return { initiative, owner: owner ?? null, personas, links };
}

/** Links an issue. Answers 409 when this initiative already links it. */
export function addInitiativeLink(
  db: Database,
  workspaceId: string,
  actorId: string,
  initiativeId: string,
  link: { provider: LinkProvider; externalId: string; url: string },
) {
  return db.transaction().execute(async (trx) => {
    const initiative = await getInitiative(trx, workspaceId, initiativeId);
    if (!initiative) throw new AppError(404, "Not found", NOT_FOUND);
    const added = await trx
      .insertInto("initiative_links")
      .values({ workspace_id: workspaceId, initiative_id: initiativeId, provider: link.provider, external_id: link.externalId, url: link.url, title: "", status: "" })
      .onConflict((oc) => oc.columns(["workspace_id", "initiative_id", "provider", "external_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!added) throw new AppError(409, "Already linked", `${link.externalId} is already linked to this initiative.`);
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id: initiativeId, title: initiative.title });
  });
}

export function removeInitiativeLink(db: Database, workspaceId: string, actorId: string, initiativeId: string, linkId: string) {
  return db.transaction().execute(async (trx) => {
    const initiative = await getInitiative(trx, workspaceId, initiativeId);
    const removed = await trx
      .deleteFrom("initiative_links")
      .where("workspace_id", "=", workspaceId)
      .where("initiative_id", "=", initiativeId)
      .where("id", "=", linkId)
      .returning("id")
      .executeTakeFirst();
    if (!initiative || !removed) throw new AppError(404, "Not found", "This link does not exist, or you do not have access to it.");
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id: initiativeId, title: initiative.title });
  });
}
