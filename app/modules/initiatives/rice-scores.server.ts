import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { rejected } from "../../services/forms.server";
import { ConflictError, saveVersioned } from "../../services/versioning.server";
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
const riceScoresSchema = z.object({
  intent: z.literal("scores"),
  reach: requiredScore(SCORE_INPUTS.reach),
  impact: requiredScore(SCORE_INPUTS.impact),
  confidence: requiredScore(SCORE_INPUTS.confidence),
  effort: requiredScore(SCORE_INPUTS.effort),
  version: versionField,
});

export type RiceScores = Omit<z.infer<typeof riceScoresSchema>, "intent" | "version">;

function updateRiceScores(db: Database, workspaceId: string, actorId: string, id: string, version: number, scores: RiceScores) {
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

/**
 * The edit action's `scores` branch. The caller has already checked the role and that the
 * initiative is this workspace's. A fetcher (`_stay=1`) gets `{ saved }` data; a form, a redirect.
 */
export async function saveRiceScores(db: Database, workspace: { id: string; slug: string }, actorId: string, id: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: riceScoresSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { intent: _intent, version, ...scores } = submission.value;
  const url = `/w/${workspace.slug}/initiatives/${id}`;
  try {
    await updateRiceScores(db, workspace.id, actorId, id, version, scores);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as { version: number };
      const message = `Someone changed this initiative after these scores were proposed (it is at version ${current.version} now). Nothing was saved; run the recommendations again.`;
      return rejected(submission.reply({ fieldErrors: { version: [message] } }), 409);
    }
    throw error;
  }
  return formData.get("_stay") === "1" ? data({ saved: { url } }) : redirect(url);
}
