import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Source } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { saveVersioned } from "../../services/versioning.server";
import type { PersonaInput } from "./schema";

const COLUMNS = ["id", "name", "segment", "goals", "pains", "jobs_to_be_done", "quote", "version", "source", "created_at", "updated_at"] as const;

export function listPersonas(db: Database, workspaceId: string, { query }: { query?: string } = {}) {
  let select = db.selectFrom("personas").select(COLUMNS).where("workspace_id", "=", workspaceId);
  if (query) select = select.where("search", "@@", sql<string>`websearch_to_tsquery('english', ${query})`);
  return select.orderBy("name").execute();
}

function getPersona(db: Database, workspaceId: string, id: string) {
  return db.selectFrom("personas").select(COLUMNS).where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}

export async function requirePersona(db: Database, workspaceId: string, id: string) {
  const persona = await getPersona(db, workspaceId, id);
  if (!persona) throw new AppError(404, "Not found", "This persona does not exist, or you do not have access to it.");
  return persona;
}

/** The initiatives that serve this persona (linked from the initiative's side). */
export function listPersonaInitiatives(db: Database, workspaceId: string, personaId: string) {
  return db
    .selectFrom("initiative_personas as link")
    .innerJoin("initiatives", (join) =>
      join.onRef("initiatives.workspace_id", "=", "link.workspace_id").onRef("initiatives.id", "=", "link.initiative_id"),
    )
    .select(["initiatives.id", "initiatives.title", "initiatives.status"])
    .where("link.workspace_id", "=", workspaceId)
    .where("link.persona_id", "=", personaId)
    .orderBy("initiatives.title")
    .execute();
}

export function createPersona(db: Database, workspaceId: string, actorId: string, input: PersonaInput, source: Source = "manual") {
  return db.transaction().execute(async (trx) => {
    const persona = await trx
      .insertInto("personas")
      .values({ ...input, workspace_id: workspaceId, source, created_by: actorId, updated_by: actorId })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "created", { type: "persona", id: persona.id, title: persona.name });
    return persona;
  });
}

export function updatePersona(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: PersonaInput) {
  return db.transaction().execute(async (trx) => {
    const persona = await saveVersioned(
      () =>
        trx
          .updateTable("personas")
          .set({ ...input, version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(COLUMNS)
          .executeTakeFirst(),
      () => getPersona(trx, workspaceId, id),
      "This persona",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "persona", id, title: persona.name });
    return persona;
  });
}

export function deletePersona(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("personas")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .returning(["id", "name"])
      .executeTakeFirst();
    if (!deleted) throw new AppError(404, "Not found", "This persona does not exist, or you do not have access to it.");
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "persona", id, title: deleted.name });
  });
}
