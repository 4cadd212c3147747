import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { saveVersioned } from "../../services/versioning.server";
import { optionalText, versionField } from "../product-fields";
import { getInitiative, INITIATIVE_COLUMNS } from "./initiatives.server";
import { LIMITS } from "./schema";

/**
 * The initiative one-pager (PRODUCT.md §4, drafting helpers) replaces the problem and the
 * description and nothing else, so it posts only those, over the version it was drafted from.
 */
export const saveOnePagerSchema = z.object({
  problem: optionalText(LIMITS.problem),
  description: optionalText(LIMITS.description),
  version: versionField,
});

type OnePagerInput = Omit<z.infer<typeof saveOnePagerSchema>, "version">;

async function currentWithPersonas(db: Database, workspaceId: string, id: string) {
  const current = await getInitiative(db, workspaceId, id);
  if (!current) return undefined;
  const personas = await db.selectFrom("initiative_personas").select("persona_id").where("workspace_id", "=", workspaceId).where("initiative_id", "=", id).execute();
  return { ...current, personas: personas.map((p) => p.persona_id) };
}

/** Saves over `version` only; a newer stored version is a ConflictError carrying it, personas included. */
export function saveOnePager(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: OnePagerInput) {
  return db.transaction().execute(async (trx) => {
    const initiative = await saveVersioned(
      () =>
        trx
          .updateTable("initiatives")
          .set({ problem: input.problem, description: input.description, version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(INITIATIVE_COLUMNS)
          .executeTakeFirst(),
      () => currentWithPersonas(trx, workspaceId, id),
      "This initiative",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id, title: initiative.title });
    return initiative;
  });
}
