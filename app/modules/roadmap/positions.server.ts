import { generateKeyBetween } from "fractional-indexing";
import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Lane } from "./schema";

/**
 * Serialises every write of positions into one lane of one workspace until the transaction ends.
 * Two people reordering at once would otherwise both read the same neighbours and compute the same
 * key (a unique violation) or keys that interleave in an order neither asked for. Writers of other
 * lanes and workspaces are not held up. Must run inside a transaction.
 */
export async function lockLane(trx: Database, workspaceId: string, lane: Lane): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`roadmap_items:${workspaceId}:${lane}`}, 0))`.execute(trx);
}

function lanePositions(trx: Database, workspaceId: string, lane: Lane, exceptId?: string) {
  let query = trx.selectFrom("roadmap_items").select("position").where("workspace_id", "=", workspaceId).where("lane", "=", lane);
  if (exceptId) query = query.where("id", "<>", exceptId);
  return query;
}

/** The position right after `position` in the lane (`null` at the end), skipping the item being moved. */
export async function positionAfter(trx: Database, workspaceId: string, lane: Lane, position: string, exceptId?: string) {
  const row = await lanePositions(trx, workspaceId, lane, exceptId).where("position", ">", position).orderBy("position").limit(1).executeTakeFirst();
  return row?.position ?? null;
}

/** The position right before `position` in the lane (`null` at the start), skipping the item being moved. */
export async function positionBefore(trx: Database, workspaceId: string, lane: Lane, position: string, exceptId?: string) {
  const row = await lanePositions(trx, workspaceId, lane, exceptId).where("position", "<", position).orderBy("position", "desc").limit(1).executeTakeFirst();
  return row?.position ?? null;
}

export async function lastPosition(trx: Database, workspaceId: string, lane: Lane, exceptId?: string) {
  const row = await lanePositions(trx, workspaceId, lane, exceptId).orderBy("position", "desc").limit(1).executeTakeFirst();
  return row?.position ?? null;
}

/** A key after every item of the lane. Call it with the lane locked. */
export async function endOfLane(trx: Database, workspaceId: string, lane: Lane, exceptId?: string): Promise<string> {
  return generateKeyBetween(await lastPosition(trx, workspaceId, lane, exceptId), null);
}

/** Keys compare bytewise, like the column (collate "C"). */
export function keyBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}
