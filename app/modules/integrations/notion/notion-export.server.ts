import type { Database } from "../../../../db/database";
import type { RoadmapRow } from "../../../../integrations/notion/notion-client";
import type { Config } from "../../../services/env.server";
import { AppError } from "../../../services/errors.server";
import { STATUS_LABELS } from "../../initiatives/status";
import { LANE_LABELS } from "../../roadmap/schema";
import { updateConnectionSettings } from "../connections.server";
import { exportSettings, withNotion } from "./notion-access.server";

/**
 * Exporting the roadmap to a Notion database: created once under the page the user chose (its ids kept in
 * the connection's settings), then every item upserted by its Bearing ID, so exporting again updates rows
 * instead of adding them.
 */


export interface ExportOptions {
  workspaceId: string;
  parentPageId: string;
  /** Items already upserted by an earlier run of the same job (its checkpoint). */
  doneBefore?: number;
  signal?: AbortSignal;
  checkpoint?(done: number): Promise<void>;
  progress?(done: number, total: number): Promise<void>;
}

async function roadmapRows(db: Database, workspaceId: string): Promise<RoadmapRow[]> {
  const items = await db
    .selectFrom("roadmap_items")
    .leftJoin("initiatives", (join) => join.onRef("initiatives.workspace_id", "=", "roadmap_items.workspace_id").onRef("initiatives.id", "=", "roadmap_items.initiative_id"))
    .select(["roadmap_items.id", "roadmap_items.title", "roadmap_items.lane", "roadmap_items.start_quarter", "roadmap_items.end_quarter", "initiatives.status"])
    .where("roadmap_items.workspace_id", "=", workspaceId)
    .orderBy("roadmap_items.lane")
    .orderBy("roadmap_items.position")
    .execute();
  return items.map((item) => ({
    bearingId: item.id,
    name: item.title,
    lane: LANE_LABELS[item.lane],
    status: item.status ? STATUS_LABELS[item.status] : "Planned",
    quarter: [item.start_quarter, item.end_quarter].filter((quarter, index, all) => quarter && all.indexOf(quarter) === index).join(" – "),
  }));
}

export async function exportRoadmapToNotion(db: Database, config: Config, options: ExportOptions): Promise<{ created: number; updated: number; url: string }> {
  const { workspaceId, parentPageId } = options;
  return withNotion(db, config, workspaceId, async (client, connection) => {
    let settings = exportSettings(connection);
    // A database made under another page stays there; choosing a new page makes a new database.
    if (!settings.roadmapDataSourceId || settings.roadmapParentPageId !== parentPageId) {
      const database = await client.createRoadmapDatabase(parentPageId, "Bearing roadmap");
      settings = { roadmapDatabaseId: database.databaseId, roadmapDataSourceId: database.dataSourceId, roadmapDatabaseUrl: database.url, roadmapParentPageId: parentPageId };
      await updateConnectionSettings(db, workspaceId, connection.id, { ...connection.settings, ...settings });
    }
    const rows = await roadmapRows(db, workspaceId);
    const counts = { created: 0, updated: 0 };
    for (let index = options.doneBefore ?? 0; index < rows.length; index++) {
      if (options.signal?.aborted) throw new AppError(503, "Paused", "The export was paused; it carries on from where it stopped.");
      counts[await client.upsertRoadmapRow(settings.roadmapDataSourceId!, rows[index]!)] += 1;
      await options.checkpoint?.(index + 1);
      await options.progress?.(index + 1, rows.length);
    }
    return { ...counts, url: settings.roadmapDatabaseUrl ?? "" };
  });
}
