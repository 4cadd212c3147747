import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { recordFeatures } from "../usage/usage.server";

export type ActivityAction = "created" | "updated" | "deleted" | "restored";

export interface ActivitySubject {
  type: "vision" | "persona" | "competitor" | "initiative" | "roadmap_item" | "risk" | "transcript" | "roadmap_share" | "workspace";
  id: string;
  title: string;
}

/**
 * Who changed what, when (PRODUCT.md §3). Written in the same transaction as the change itself;
 * a batch (an import) is one statement for all its items.
 */
export async function recordActivity(
  db: Database,
  workspaceId: string,
  actorId: string | null,
  action: ActivityAction,
  subjects: ActivitySubject | readonly ActivitySubject[],
): Promise<void> {
  const list = "id" in subjects ? [subjects] : subjects;
  if (list.length === 0) return;
  await db
    .insertInto("activity_events")
    .values(
      list.map((subject) => ({
        workspace_id: workspaceId,
        actor_id: actorId,
        action,
        entity_type: subject.type,
        entity_id: subject.id,
        entity_title: subject.title.slice(0, 200),
      })),
    )
    .execute();
  await recordFeatures(db, workspaceId, list.map((subject) => `${subject.type}.${action}`));
}

// The table each item type lives in, to tell which events still point at an existing item.
const ITEM_TABLES = {
  vision: "vision_versions",
  persona: "personas",
  competitor: "competitors",
  initiative: "initiatives",
  roadmap_item: "roadmap_items",
  risk: "risks",
  transcript: "transcripts",
} as const;

// Evaluated over one page of events only (the outer query below), so each check is one primary-key
// lookup whatever the size of the workspace.
const itemExists = sql<boolean>`case e.entity_type ${sql.join(
  Object.entries(ITEM_TABLES).map(
    ([type, table]) => sql`when ${type} then exists (select 1 from ${sql.table(table)} as item where item.workspace_id = e.workspace_id and item.id = e.entity_id)`,
  ),
  sql` `,
)} else false end`;

/** Newest first; `before` pages back by event id, `entityType` keeps one kind of item. */
export function listActivity(
  db: Database,
  workspaceId: string,
  { limit = 50, before, entityType }: { limit?: number; before?: number; entityType?: ActivitySubject["type"] } = {},
) {
  let page = db
    .selectFrom("activity_events")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("id", "desc")
    .limit(limit);
  if (before) page = page.where("id", "<", before);
  if (entityType) page = page.where("entity_type", "=", entityType);
  return db
    .selectFrom(page.as("e"))
    .leftJoin("users", "users.id", "e.actor_id")
    .select(["e.id", "e.action", "e.entity_type", "e.entity_id", "e.entity_title", "e.created_at", "users.name as actor_name", itemExists.as("item_exists")])
    .orderBy("e.id", "desc")
    .execute();
}
