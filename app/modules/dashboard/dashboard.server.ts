import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { listActivity } from "../activity/activity.server";
import { topRisks } from "../risks/risks.server";

/** How many Now items the dashboard shows before pointing at the roadmap. */
const NOW_LANE_LIMIT = 8;
const TOP_RISKS = 5;
const RECENT_TRANSCRIPTS = 5;
const RECENT_ACTIVITY = 10;

// One query per panel, run side by side. Each reads a few rows through an index that matches its
// order (roadmap_items (workspace_id, lane, position), risks_severity_idx, the activity primary
// key), so the dashboard costs the same at 10 items as at 10,000.

/** The Now lane in roadmap order, one row past the limit to tell whether there is more. */
function nowLane(db: Database, workspaceId: string) {
  return db
    .selectFrom("roadmap_items as item")
    .leftJoin("initiatives as initiative", (join) =>
      join.onRef("initiative.workspace_id", "=", "item.workspace_id").onRef("initiative.id", "=", "item.initiative_id"),
    )
    .select([
      "item.id",
      "item.title",
      "item.start_quarter",
      "item.end_quarter",
      "initiative.id as initiative_id",
      "initiative.title as initiative_title",
      "initiative.status as initiative_status",
    ])
    .where("item.workspace_id", "=", workspaceId)
    .where("item.lane", "=", "now")
    .orderBy("item.position")
    .limit(NOW_LANE_LIMIT + 1)
    .execute();
}

/** Latest meetings first; a transcript without a date counts from when it was added. */
function recentTranscripts(db: Database, workspaceId: string) {
  return db
    .selectFrom("transcripts")
    .select([
      "id",
      "title",
      "meeting_date",
      "created_at",
      sql<number>`cardinality(attendees)`.as("attendee_count"),
      sql<number>`jsonb_array_length(action_items)`.as("action_item_count"),
      sql<number>`jsonb_array_length(decisions)`.as("decision_count"),
    ])
    .where("workspace_id", "=", workspaceId)
    .orderBy(sql`coalesce(meeting_date, created_at::date) desc`)
    .orderBy("created_at", "desc")
    .limit(RECENT_TRANSCRIPTS)
    .execute();
}

export async function loadDashboard(db: Database, workspaceId: string) {
  const [lane, risks, transcripts, activity] = await Promise.all([
    nowLane(db, workspaceId),
    topRisks(db, workspaceId, TOP_RISKS, ["open"]),
    recentTranscripts(db, workspaceId),
    listActivity(db, workspaceId, { limit: RECENT_ACTIVITY }),
  ]);
  return {
    nowLane: lane.slice(0, NOW_LANE_LIMIT),
    moreInNow: lane.length > NOW_LANE_LIMIT,
    risks,
    transcripts,
    activity,
  };
}
