import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Source } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { saveVersioned } from "../../services/versioning.server";
import { endOfLane, lockLane } from "./positions.server";
import { LANES, type Lane, type RoadmapItemInput } from "./schema";

const ITEM_COLUMNS = [
  "roadmap_items.id",
  "roadmap_items.title",
  "roadmap_items.description",
  "roadmap_items.lane",
  "roadmap_items.position",
  "roadmap_items.initiative_id",
  "roadmap_items.start_quarter",
  "roadmap_items.end_quarter",
  "roadmap_items.version",
  "roadmap_items.source",
  "roadmap_items.created_at",
  "roadmap_items.updated_at",
] as const;

const RETURNED = ["id", "title", "description", "lane", "position", "initiative_id", "start_quarter", "end_quarter", "version", "source", "created_at", "updated_at"] as const;

/** Roadmap items with the title of their initiative; the join carries workspace_id on both sides. */
function selectItems(db: Database, workspaceId: string) {
  return db
    .selectFrom("roadmap_items")
    .leftJoin("initiatives", (join) =>
      join.onRef("initiatives.workspace_id", "=", "roadmap_items.workspace_id").onRef("initiatives.id", "=", "roadmap_items.initiative_id"),
    )
    .select([...ITEM_COLUMNS, "initiatives.title as initiative_title"])
    .where("roadmap_items.workspace_id", "=", workspaceId);
}

const LANE_ORDER = sql<number>`array_position(array['now', 'next', 'later']::text[], roadmap_items.lane)`;

/** Every item, lane by lane (Now, Next, Later), each lane in its order. */
export function listRoadmapItems(db: Database, workspaceId: string) {
  return selectItems(db, workspaceId).orderBy(LANE_ORDER).orderBy("roadmap_items.position").execute();
}

export type RoadmapItem = Awaited<ReturnType<typeof listRoadmapItems>>[number];

export function groupByLane<Item extends { lane: Lane }>(items: ReadonlyArray<Item>): Record<Lane, Item[]> {
  const lanes = Object.fromEntries(LANES.map((lane) => [lane, [] as Item[]])) as Record<Lane, Item[]>;
  for (const item of items) lanes[item.lane].push(item);
  return lanes;
}

function getRoadmapItem(db: Database, workspaceId: string, id: string) {
  return selectItems(db, workspaceId).where("roadmap_items.id", "=", id).executeTakeFirst();
}

export async function requireRoadmapItem(db: Database, workspaceId: string, id: string) {
  const item = await getRoadmapItem(db, workspaceId, id);
  if (!item) throw itemNotFound();
  return item;
}

export function itemNotFound() {
  return new AppError(404, "Not found", "This roadmap item does not exist, or you do not have access to it.");
}

/** The initiatives an item can link to. Read straight from the table: initiatives may have no screen yet. */
export function listInitiativeOptions(db: Database, workspaceId: string) {
  return db.selectFrom("initiatives").select(["id", "title"]).where("workspace_id", "=", workspaceId).orderBy("title").execute();
}

export async function initiativeBelongsTo(db: Database, workspaceId: string, initiativeId: string): Promise<boolean> {
  const row = await db.selectFrom("initiatives").select("id").where("workspace_id", "=", workspaceId).where("id", "=", initiativeId).executeTakeFirst();
  return Boolean(row);
}

function columnsOf(input: RoadmapItemInput) {
  return {
    title: input.title,
    description: input.description,
    lane: input.lane,
    initiative_id: input.initiative_id ?? null,
    start_quarter: input.start_quarter ?? null,
    end_quarter: input.end_quarter ?? null,
  };
}

/** New items go to the end of their lane. */
export function createRoadmapItem(db: Database, workspaceId: string, actorId: string, input: RoadmapItemInput, source: Source = "manual") {
  return db.transaction().execute(async (trx) => {
    await lockLane(trx, workspaceId, input.lane);
    const item = await trx
      .insertInto("roadmap_items")
      .values({
        ...columnsOf(input),
        workspace_id: workspaceId,
        position: await endOfLane(trx, workspaceId, input.lane),
        source,
        created_by: actorId,
        updated_by: actorId,
      })
      .returning(RETURNED)
      .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "created", { type: "roadmap_item", id: item.id, title: item.title });
    return item;
  });
}

/** Saves an edit made from `version`. Changing the lane sends the item to the end of its new lane. */
export function updateRoadmapItem(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: RoadmapItemInput) {
  return db.transaction().execute(async (trx) => {
    await lockLane(trx, workspaceId, input.lane);
    const stored = await trx
      .selectFrom("roadmap_items")
      .select("lane")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    const position = stored && stored.lane !== input.lane ? await endOfLane(trx, workspaceId, input.lane, id) : undefined;
    const item = await saveVersioned(
      () =>
        trx
          .updateTable("roadmap_items")
          .set({ ...columnsOf(input), ...(position ? { position } : {}), version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(RETURNED)
          .executeTakeFirst(),
      () => getRoadmapItem(trx, workspaceId, id),
      "This roadmap item",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "roadmap_item", id, title: item.title });
    return item;
  });
}

export function deleteRoadmapItem(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("roadmap_items")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .returning(["id", "title"])
      .executeTakeFirst();
    if (!deleted) throw itemNotFound();
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "roadmap_item", id, title: deleted.title });
  });
}
