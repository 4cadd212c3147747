import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { keyBetween, lastPosition, lockLane, positionAfter, positionBefore } from "./positions.server";
import { itemNotFound } from "./roadmap.server";
import type { Lane, MoveRequest } from "./schema";

export type MoveOutcome = "moved" | "unchanged";

/**
 * Moves an item as the request asks, computing its new key from the neighbours as they are now:
 * the target lane is locked first, then everything is re-read. Neighbours are named by id, so a
 * request stays meaningful after other moves; a neighbour that has since left the lane (or never
 * belonged to this workspace) no longer anchors anything and the item goes to the end of the lane.
 */
export function moveRoadmapItem(db: Database, workspaceId: string, actorId: string, move: MoveRequest): Promise<MoveOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockLane(trx, workspaceId, move.lane);
    const item = await trx
      .selectFrom("roadmap_items")
      .select(["id", "title", "lane", "position"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", move.id)
      .forUpdate()
      .executeTakeFirst();
    if (!item) throw itemNotFound();

    const position = await newPosition(trx, workspaceId, item, move);
    if (position === null) return "unchanged";
    const changesLane = item.lane !== move.lane;
    await trx
      .updateTable("roadmap_items")
      .set({
        lane: move.lane,
        position,
        // A new lane is a change of content that an open edit form must not silently undo; a new
        // place within the lane is not.
        ...(changesLane ? { version: sql`version + 1` } : {}),
        updated_by: actorId,
        updated_at: new Date(),
      })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", item.id)
      .execute();
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "roadmap_item", id: item.id, title: item.title });
    return "moved";
  });
}

interface Placed {
  id: string;
  lane: Lane;
  position: string;
}

type Bounds = [before: string | null, after: string | null];

/**
 * The item's new key, or null when the request asks for no change: it is already between the
 * neighbours asked for, or it has left the lane an "up" or "down" referred to.
 */
async function newPosition(trx: Database, workspaceId: string, item: Placed, move: MoveRequest): Promise<string | null> {
  const bounds = await targetBounds(trx, workspaceId, item, move);
  if (!bounds) return null;
  const [low, high] = bounds;
  const alreadyThere = item.lane === move.lane && (low === null || item.position > low) && (high === null || item.position < high);
  return alreadyThere ? null : keyBetween(low, high);
}

async function targetBounds(trx: Database, workspaceId: string, item: Placed, move: MoveRequest): Promise<Bounds | null> {
  const after = (position: string) => positionAfter(trx, workspaceId, move.lane, position, item.id);
  const before = (position: string) => positionBefore(trx, workspaceId, move.lane, position, item.id);
  const end = async (): Promise<Bounds> => [await lastPosition(trx, workspaceId, move.lane, item.id), null];

  switch (move.intent) {
    case "move-up":
    case "move-down": {
      // "Up" and "down" are relative to where the item is now; if someone moved it to another
      // lane meanwhile, the button pressed no longer describes anything.
      if (item.lane !== move.lane) return null;
      if (move.intent === "move-up") {
        const previous = await before(item.position);
        return previous === null ? null : [await before(previous), previous];
      }
      const next = await after(item.position);
      return next === null ? null : [next, await after(next)];
    }
    case "move-to-lane":
      return item.lane === move.lane ? null : end();
    case "move": {
      const anchorAfter = move.afterId && move.afterId !== item.id ? await positionOf(trx, workspaceId, move.lane, move.afterId) : null;
      if (anchorAfter !== null) return [anchorAfter, await after(anchorAfter)];
      const anchorBefore = move.beforeId && move.beforeId !== item.id ? await positionOf(trx, workspaceId, move.lane, move.beforeId) : null;
      if (anchorBefore !== null) return [await before(anchorBefore), anchorBefore];
      return end();
    }
  }
}

async function positionOf(trx: Database, workspaceId: string, lane: Lane, id: string): Promise<string | null> {
  const row = await trx
    .selectFrom("roadmap_items")
    .select("position")
    .where("workspace_id", "=", workspaceId)
    .where("lane", "=", lane)
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.position ?? null;
}
