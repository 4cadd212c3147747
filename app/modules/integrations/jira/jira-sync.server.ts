import { sql } from "kysely";
import type { Database } from "../../../../db/database";
import type { Config } from "../../../services/env.server";
import { AppError } from "../../../services/errors.server";
import { recordActivity } from "../../activity/activity.server";
import { withJira } from "./jira-access.server";
import { STATUS_BY_CATEGORY } from "./jira-import.server";

/** Jira project keys: a capital letter, then capitals, digits or underscores (Jira's default key format). */
export const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;

/**
 * Pushes an initiative to Jira as an epic in `projectKey` and links it. The initiative row is locked
 * while the epic is created, so a double submit cannot create two epics; one already linked is refused.
 */
/** The initiatives that could still be pushed: those not yet linked to a Jira issue, by title. */
export function listInitiativesWithoutJiraLink(db: Database, workspaceId: string) {
  return db
    .selectFrom("initiatives")
    .select(["id", "title"])
    .where("workspace_id", "=", workspaceId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("initiative_links as l").select("l.id").whereRef("l.workspace_id", "=", "initiatives.workspace_id").whereRef("l.initiative_id", "=", "initiatives.id").where("l.provider", "=", "jira"))))
    .orderBy("title")
    .limit(500)
    .execute();
}

export function pushInitiativeAsEpic(db: Database, config: Config, options: { workspaceId: string; actorId: string; initiativeId: string; projectKey: string }) {
  const { workspaceId, actorId, initiativeId, projectKey } = options;
  return withJira(db, config, workspaceId, (access) =>
    db.transaction().execute(async (trx) => {
      const initiative = await trx
        .selectFrom("initiatives")
        .select(["id", "title", "problem", "description"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", initiativeId)
        .forUpdate()
        .executeTakeFirst();
      if (!initiative) throw new AppError(404, "Not found", "This initiative does not exist, or you do not have access to it.");
      const existing = await trx
        .selectFrom("initiative_links")
        .select("external_id")
        .where("workspace_id", "=", workspaceId)
        .where("initiative_id", "=", initiativeId)
        .where("provider", "=", "jira")
        .executeTakeFirst();
      if (existing) throw new AppError(409, "Already in Jira", `This initiative is already linked to ${existing.external_id}.`);
      const description = [initiative.problem, initiative.description].filter(Boolean).join("\n\n");
      const epic = await access.client.createEpic({ projectKey, summary: initiative.title, description });
      const link = { key: epic.key, url: `${access.site.url}/browse/${epic.key}` };
      await trx
        .insertInto("initiative_links")
        .values({ workspace_id: workspaceId, initiative_id: initiativeId, provider: "jira", external_id: link.key, url: link.url, title: initiative.title.slice(0, 200), status: "To Do" })
        .execute();
      await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id: initiativeId, title: initiative.title });
      return link;
    }),
  );
}

/**
 * Brings linked initiatives' statuses in line with Jira (on demand, and on a schedule). Only issues
 * whose Jira status changed since the last sync move their initiative, so a status set in Bearing
 * stands until Jira's changes again.
 */
export async function syncJiraStatuses(db: Database, config: Config, workspaceId: string, actorId: string | null) {
  return withJira(db, config, workspaceId, async (access) => {
    const links = await db
      .selectFrom("initiative_links")
      .select(["id", "initiative_id", "external_id", "status"])
      .where("workspace_id", "=", workspaceId)
      .where("provider", "=", "jira")
      .execute();
    const statuses = await access.client.statuses([...new Set(links.map((link) => link.external_id))]);
    let changed = 0;
    for (const link of links) {
      const status = statuses.get(link.external_id);
      if (!status || status.name === link.status) continue;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("initiative_links").set({ status: status.name }).where("workspace_id", "=", workspaceId).where("id", "=", link.id).execute();
        if (!status.category) return;
        const moved = await trx
          .updateTable("initiatives")
          .set({ status: STATUS_BY_CATEGORY[status.category], version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", link.initiative_id)
          .where("status", "<>", STATUS_BY_CATEGORY[status.category])
          .returning(["id", "title"])
          .executeTakeFirst();
        if (moved) await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id: moved.id, title: moved.title });
      });
      changed += 1;
    }
    await db.updateTable("integration_connections").set({ last_sync_at: new Date(), last_error: null }).where("workspace_id", "=", workspaceId).where("id", "=", access.connectionId).execute();
    return { checked: links.length, changed };
  });
}
