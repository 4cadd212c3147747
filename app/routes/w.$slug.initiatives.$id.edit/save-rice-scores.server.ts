import { parseWithZod } from "@conform-to/zod/v4";
import type { Database } from "../../../db/database";
import { riceScoresSchema, updateRiceScores } from "~/modules/initiatives/rice-scores.server";
import { rejected, saved } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

/**
 * The edit action's `scores` branch. The caller has already checked the role and that the
 * initiative is this workspace's. A fetcher (`_stay=1`) gets `{ saved }` data; a form, a redirect.
 */
export async function saveRiceScores(db: Database, workspace: { id: string; slug: string }, actorId: string, id: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: riceScoresSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { intent: _intent, version, ...scores } = submission.value;
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
  return saved(formData, `/w/${workspace.slug}/initiatives/${id}`);
}
