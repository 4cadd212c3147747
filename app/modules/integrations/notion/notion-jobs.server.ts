import { defineJob } from "../../../services/jobs/registry.server";
import { loadConfig, type Config } from "../../../services/env.server";
import { exportRoadmapToNotion } from "./notion-export.server";

/**
 * The roadmap export as a background job (app/services/jobs). It checkpoints after every row; a restarted
 * run carries on from there, and rows are upserted by Bearing ID, so nothing is written twice either way.
 */

export interface NotionExportJobInput {
  parentPageId: string;
  actorId: string;
}

// Job handlers get the database but not the request's configuration; the worker's environment is the configuration.
let jobConfig: Config | null = null;
const config = () => (jobConfig ??= loadConfig());

export const NOTION_EXPORT_JOB = defineJob<NotionExportJobInput, { done: number }>("notion.export-roadmap", async (job) => {
  await exportRoadmapToNotion(job.db, config(), {
    workspaceId: job.workspaceId,
    parentPageId: job.input.parentPageId,
    doneBefore: job.resumeFrom?.done ?? 0,
    signal: job.signal,
    checkpoint: (done) => job.checkpoint({ done }),
    progress: (done, total) => job.progress(done, total),
  });
});
