import { defineJob } from "../../../services/jobs/job-definition.server";
import { exportRoadmapToNotion } from "./notion-export.server";
import { importNotionPage, type NotionPageImportInput } from "./notion-pages.server";

/** Notion's import and export as background jobs (app/services/jobs): retried with backoff, resumed after a restart. */

export const NOTION_EXPORT_JOB = "notion.export-roadmap";
export const NOTION_PAGE_IMPORT_JOB = "notion.import-page";

export interface NotionExportJobInput {
  parentPageId: string;
  actorId: string;
}

/**
 * The roadmap export checkpoints after every row; a restarted run carries on from there, and rows are
 * upserted by Bearing ID, so nothing is written twice either way.
 */
const notionExport = defineJob<NotionExportJobInput, { done: number }>(NOTION_EXPORT_JOB, async (job) => {
  await exportRoadmapToNotion(job.db, job.config, {
    workspaceId: job.workspaceId,
    parentPageId: job.input.parentPageId,
    doneBefore: job.resumeFrom?.done ?? 0,
    signal: job.signal,
    checkpoint: (done) => job.checkpoint({ done }),
    progress: (done, total) => job.progress(done, total),
  });
});

/** One page, as a transcript or a note; one job per page at a time (its subject is the page id). */
const notionPageImport = defineJob<NotionPageImportInput>(NOTION_PAGE_IMPORT_JOB, async (job) => {
  await importNotionPage(job);
});

/** What a worker runs for Notion's kinds of job; the server hands them to its queue (app/server/background-jobs.ts). */
export const NOTION_JOB_HANDLERS = [notionExport, notionPageImport];
