import type { Database } from "../../db/database";

export type ActivityAction = "created" | "updated" | "deleted";

export interface ActivitySubject {
  type: "vision" | "persona" | "competitor" | "initiative" | "roadmap_item" | "risk" | "transcript" | "roadmap_share" | "workspace";
  id: string;
  title: string;
}

/** Who changed what, when (PRODUCT.md §3). Written in the same transaction as the change itself. */
export async function recordActivity(
  db: Database,
  workspaceId: string,
  actorId: string | null,
  action: ActivityAction,
  subject: ActivitySubject,
): Promise<void> {
  await db
    .insertInto("activity_events")
    .values({
      workspace_id: workspaceId,
      actor_id: actorId,
      action,
      entity_type: subject.type,
      entity_id: subject.id,
      entity_title: subject.title.slice(0, 200),
    })
    .execute();
}

export function listActivity(db: Database, workspaceId: string, { limit = 50, before }: { limit?: number; before?: number } = {}) {
  let query = db
    .selectFrom("activity_events")
    .leftJoin("users", "users.id", "activity_events.actor_id")
    .select([
      "activity_events.id",
      "activity_events.action",
      "activity_events.entity_type",
      "activity_events.entity_id",
      "activity_events.entity_title",
      "activity_events.created_at",
      "users.name as actor_name",
    ])
    .where("activity_events.workspace_id", "=", workspaceId)
    .orderBy("activity_events.id", "desc")
    .limit(limit);
  if (before) query = query.where("activity_events.id", "<", before);
  return query.execute();
}
