import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Source, ThreatLevel } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { saveVersioned } from "../../services/versioning.server";
import type { CompetitorInput } from "./schema";

const COLUMNS = [
  "id",
  "name",
  "website",
  "positioning",
  "strengths",
  "weaknesses",
  "pricing_notes",
  "threat_level",
  "version",
  "source",
  "created_at",
  "updated_at",
] as const;

// The biggest threats first: that is what a product owner opens this list for.
const BY_THREAT = sql<number>`case threat_level when 'high' then 0 when 'medium' then 1 else 2 end`;

const NOT_FOUND = "This competitor does not exist, or you do not have access to it.";

export function listCompetitors(db: Database, workspaceId: string, { query, threat }: { query?: string; threat?: ThreatLevel } = {}) {
  let select = db.selectFrom("competitors").select(COLUMNS).where("workspace_id", "=", workspaceId);
  if (query) select = select.where("search", "@@", sql<string>`websearch_to_tsquery('english', ${query})`);
  if (threat) select = select.where("threat_level", "=", threat);
  return select.orderBy(BY_THREAT).orderBy("name").execute();
}

function getCompetitor(db: Database, workspaceId: string, id: string) {
  return db.selectFrom("competitors").select(COLUMNS).where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}

export async function requireCompetitor(db: Database, workspaceId: string, id: string) {
  const competitor = await getCompetitor(db, workspaceId, id);
  if (!competitor) throw new AppError(404, "Not found", NOT_FOUND);
  return competitor;
}

export function createCompetitor(db: Database, workspaceId: string, actorId: string, input: CompetitorInput, source: Source = "manual") {
  return db.transaction().execute(async (trx) => {
    const competitor = await trx
      .insertInto("competitors")
      .values({ ...input, workspace_id: workspaceId, source, created_by: actorId, updated_by: actorId })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "created", { type: "competitor", id: competitor.id, title: competitor.name });
    return competitor;
  });
}

export function updateCompetitor(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: CompetitorInput) {
  return db.transaction().execute(async (trx) => {
    const competitor = await saveVersioned(
      () =>
        trx
          .updateTable("competitors")
          .set({ ...input, version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(COLUMNS)
          .executeTakeFirst(),
      () => getCompetitor(trx, workspaceId, id),
      "This competitor",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "competitor", id, title: competitor.name });
    return competitor;
  });
}

export function deleteCompetitor(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("competitors")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!deleted) throw new AppError(404, "Not found", NOT_FOUND);
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "competitor", id, title: deleted.name });
  });
}
