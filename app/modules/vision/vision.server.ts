import type { Database } from "../../../db/database";
import type { Source } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { ConflictError } from "../../services/versioning.server";
import type { VisionInput } from "./schema";

function selectVersions(db: Database, workspaceId: string) {
  return db
    .selectFrom("vision_versions")
    .leftJoin("users", "users.id", "vision_versions.created_by")
    .select([
      "vision_versions.id",
      "vision_versions.number",
      "vision_versions.statement",
      "vision_versions.mission",
      "vision_versions.target_customers",
      "vision_versions.principles",
      "vision_versions.north_star_metric",
      "vision_versions.source",
      "vision_versions.created_at",
      "users.name as author_name",
    ])
    .where("vision_versions.workspace_id", "=", workspaceId);
}

export type VisionVersion = NonNullable<Awaited<ReturnType<typeof getCurrentVision>>>;

/** The vision as it stands: its newest version, or nothing before the first save. */
export function getCurrentVision(db: Database, workspaceId: string) {
  return selectVersions(db, workspaceId).orderBy("vision_versions.number", "desc").limit(1).executeTakeFirst();
}

/** Every version, newest first. */
export function listVisionVersions(db: Database, workspaceId: string) {
  return selectVersions(db, workspaceId).orderBy("vision_versions.number", "desc").execute();
}

export async function requireVisionVersion(db: Database, workspaceId: string, number: number) {
  const version = Number.isSafeInteger(number) && number > 0 ? await selectVersions(db, workspaceId).where("vision_versions.number", "=", number).executeTakeFirst() : undefined;
  if (!version) throw new AppError(404, "Not found", "This version of the vision does not exist, or you do not have access to it.");
  return version;
}

/**
 * Saves the vision as a new version, never over an old one. `basedOn` is the number the editor
 * started from: if someone saved a newer one since, this is a conflict and nothing is written.
 * Two saves racing from the same number both pass the first check; the unique (workspace_id, number)
 * index lets only one insert through, and the other becomes the same conflict rather than an error.
 */
export function saveVision(db: Database, workspaceId: string, actorId: string, basedOn: number, input: VisionInput, source: Source = "manual") {
  return db.transaction().execute(async (trx) => {
    const current = await getCurrentVision(trx, workspaceId);
    const latest = current?.number ?? 0;
    if (basedOn > latest) throw new AppError(400, "Out of date", "This form does not match any saved version of the vision. Reload the page.");
    if (current && basedOn < latest) throw new ConflictError(current);
    const saved = await trx
      .insertInto("vision_versions")
      .values({ ...input, workspace_id: workspaceId, number: latest + 1, source, created_by: actorId })
      .onConflict((conflict) => conflict.columns(["workspace_id", "number"]).doNothing())
      .returning(["id", "number"])
      .executeTakeFirst();
    if (!saved) {
      // Read committed: this new statement sees the version that won the race.
      const winner = await getCurrentVision(trx, workspaceId);
      throw new ConflictError(winner);
    }
    await recordActivity(trx, workspaceId, actorId, saved.number === 1 ? "created" : "updated", {
      type: "vision",
      id: saved.id,
      title: `Vision, version ${saved.number}`,
    });
    return saved;
  });
}
