import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { saveVersioned } from "../../services/versioning.server";
import { versionField } from "../product-fields";
import { isOnScale, SCORE_INPUTS, type ScoreInput } from "./scoring";

/** A required score input on its scale: an estimate gives all four. */
function requiredScore(input: ScoreInput) {
  return z.number({ error: `Enter a number. ${input.error}` }).refine((value) => isOnScale(input, value), input.error);
}

/**
 * The RICE inputs alone, as a recommendation saves them (`intent=scores` on the edit action). The
 * full edit form would also rewrite title, owner, personas and tags, which an estimate knows nothing
 * about; this writes the four inputs and nothing else, over the version the proposal was made from.
 */
export const riceScoresSchema = z.object({
  intent: z.literal("scores"),
  reach: requiredScore(SCORE_INPUTS.reach),
  impact: requiredScore(SCORE_INPUTS.impact),
  confidence: requiredScore(SCORE_INPUTS.confidence),
  effort: requiredScore(SCORE_INPUTS.effort),
  version: versionField,
});

export type RiceScores = Omit<z.infer<typeof riceScoresSchema>, "intent" | "version">;

/** Writes the four RICE inputs over `version`; a newer version answers ConflictError. */
export function updateRiceScores(db: Database, workspaceId: string, actorId: string, id: string, version: number, scores: RiceScores) {
  return db.transaction().execute(async (trx) => {
    const initiative = await saveVersioned(
      () =>
        trx
          .updateTable("initiatives")
          .set({ ...scores, version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(["id", "title", "version"])
          .executeTakeFirst(),
      () => trx.selectFrom("initiatives").select(["id", "title", "version"]).where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst(),
      "This initiative",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id, title: initiative.title });
    return initiative;
  });
}
