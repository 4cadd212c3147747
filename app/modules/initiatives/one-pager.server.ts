import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { rejected, saved } from "../../services/forms.server";
import { ConflictError, saveVersioned } from "../../services/versioning.server";
import { optionalText, versionField } from "../product-fields";
import { describeConflict, type InitiativeValues } from "./initiative-conflict";
import { getInitiative, initiativeChoices, INITIATIVE_COLUMNS } from "./initiatives.server";
import { LIMITS } from "./schema";
import type { Framework } from "./scoring";

/**
 * The initiative one-pager (PRODUCT.md §4, drafting helpers) replaces the problem and the
 * description and nothing else, so it posts only those, over the version it was drafted from.
 */
const saveOnePagerSchema = z.object({
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
function saveOnePager(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: OnePagerInput) {
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
