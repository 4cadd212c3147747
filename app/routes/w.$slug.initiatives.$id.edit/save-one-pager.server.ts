import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { Database } from "../../../db/database";
import { describeConflict, type InitiativeValues } from "~/modules/initiatives/initiative-conflict";
import { initiativeChoices } from "~/modules/initiatives/initiatives.server";
import { saveOnePager, saveOnePagerSchema } from "~/modules/initiatives/one-pager.server";
import type { Framework } from "~/modules/initiatives/scoring";
import { rejected, saved } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

/**
 * The edit action's `intent=one-pager` branch: the same permissions and version check as the form,
 * and on a conflict the same comparison, with the stored initiative plus my problem and description.
 */
export async function onePagerAction(
  db: Database,
  { workspaceId, slug, actorId, id, framework }: { workspaceId: string; slug: string; actorId: string; id: string; framework: Framework },
  formData: FormData,
) {
  const submission = parseWithZod(formData, { schema: saveOnePagerSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  try {
    await saveOnePager(db, workspaceId, actorId, id, version, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as InitiativeValues & { version: number };
      const names = await initiativeChoices(db, workspaceId);
      return data({ conflict: describeConflict(framework, { ...current, ...input }, current, names), framework }, { status: 409 });
    }
    throw error;
  }
  return saved(formData, `/w/${slug}/initiatives/${id}`);
}
