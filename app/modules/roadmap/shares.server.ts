import type { Database } from "../../../db/database";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { generateToken, hashToken } from "../../services/tokens.server";
import { listLanes, listTimeline, type LaneLimits, type TimelineLimits } from "./bounded.server";
import type { RoadmapItem } from "./roadmap.server";
import { HIDEABLE_FIELDS, HIDEABLE_FIELD_LABELS, type HideableField, type Lane } from "./schema";

/**
 * Read-only share links. The token is shown once, to its creator; only its SHA-256 hash is kept, so
 * a copy of the database opens no roadmap.
 */
export function createShare(db: Database, workspaceId: string, actorId: string, hidden: ReadonlyArray<HideableField>) {
  const token = generateToken();
  const hiddenFields = HIDEABLE_FIELDS.filter((field) => hidden.includes(field));
  return db.transaction().execute(async (trx) => {
    const share = await trx
      .insertInto("roadmap_shares")
      .values({ workspace_id: workspaceId, token_hash: hashToken(token), hidden_fields: hiddenFields, created_by: actorId })
      .returning(["id", "hidden_fields", "created_at"])
      .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "created", { type: "roadmap_share", id: share.id, title: describeHidden(hiddenFields) });
    return { token, share };
  });
}

/** "Share link hiding descriptions", for the activity log. */
function describeHidden(hidden: ReadonlyArray<string>) {
  const labels = HIDEABLE_FIELDS.filter((f) => hidden.includes(f)).map((f) => HIDEABLE_FIELD_LABELS[f].replace(/ \(.*\)$/, "").toLowerCase());
  return labels.length ? `Roadmap share link hiding ${labels.join(", ")}` : "Roadmap share link";
}

/** The links still open, newest first. */
export function listShares(db: Database, workspaceId: string) {
  return db
    .selectFrom("roadmap_shares")
    .leftJoin("users", "users.id", "roadmap_shares.created_by")
    .select(["roadmap_shares.id", "roadmap_shares.hidden_fields", "roadmap_shares.created_at", "users.name as created_by_name"])
    .where("roadmap_shares.workspace_id", "=", workspaceId)
    .where("roadmap_shares.revoked_at", "is", null)
    .orderBy("roadmap_shares.created_at", "desc")
    .execute();
}

export function revokeShare(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("roadmap_shares")
      .set({ revoked_at: new Date() })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .returning(["id", "hidden_fields"])
      .executeTakeFirst();
    if (!revoked) throw new AppError(404, "Not found", "This share link does not exist, was already revoked, or you do not have access to it.");
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "roadmap_share", id, title: describeHidden(revoked.hidden_fields) });
  });
}

/** What a share link may show of an item: the fields it hides are not merely blank, they are absent. */
export interface SharedItem {
  title: string;
  lane: Lane;
  description?: string;
  initiative?: string | null;
  start_quarter?: string | null;
  end_quarter?: string | null;
}

function toSharedItem(item: RoadmapItem, hidden: ReadonlyArray<string>): SharedItem {
  const shared: SharedItem = { title: item.title, lane: item.lane };
  if (!hidden.includes("description")) shared.description = item.description;
  if (!hidden.includes("initiative")) shared.initiative = item.initiative_title;
  if (!hidden.includes("quarters")) {
    shared.start_quarter = item.start_quarter;
    shared.end_quarter = item.end_quarter;
  }
  return shared;
}

/**
 * The roadmap behind a live token, as the link shows it (each lane's first items, the timeline's
 * first items, and how many each holds); undefined for an unknown or revoked token.
 */
export async function findSharedRoadmap(db: Database, token: string, limits: { lanes: LaneLimits; timeline: TimelineLimits }) {
  const share = await db
    .selectFrom("roadmap_shares")
    .innerJoin("workspaces", "workspaces.id", "roadmap_shares.workspace_id")
    .select(["roadmap_shares.workspace_id", "roadmap_shares.hidden_fields", "workspaces.name as workspace_name"])
    .where("roadmap_shares.token_hash", "=", hashToken(token))
    .where("roadmap_shares.revoked_at", "is", null)
    .where("workspaces.deleted_at", "is", null)
    .executeTakeFirst();
  if (!share) return undefined;
  const hidden = share.hidden_fields;
  const showsQuarters = !hidden.includes("quarters");
  const [lanes, timeline] = await Promise.all([
    listLanes(db, share.workspace_id, limits.lanes),
    showsQuarters ? listTimeline(db, share.workspace_id, limits.timeline) : null,
  ]);
  return {
    workspaceName: share.workspace_name,
    hidden: HIDEABLE_FIELDS.filter((field) => hidden.includes(field)),
    items: lanes.items.map((item) => toSharedItem(item, hidden)),
    laneTotals: lanes.totals,
    timeline: timeline ? { items: timeline.items.map((item) => toSharedItem(item, hidden)), totals: timeline.totals } : null,
  };
}
