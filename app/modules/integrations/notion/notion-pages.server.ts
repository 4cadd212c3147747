import type { Database } from "../../../../db/database";
import type { IntegrationJobResult, TranscriptKind } from "../../../../db/schema";
import type { NotionSearchPage } from "../../../../integrations/notion/notion-client";
import type { Config } from "../../../services/env.server";
import type { JobContext } from "../../../services/jobs/job-definition.server";
import { createTranscript } from "../../transcripts/transcripts.server";
import { withNotion } from "./notion-access.server";

/**
 * Searching the pages shared with Bearing, and importing one (as Markdown) as a meeting's transcript,
 * dated by its last edit, or as a note, which has no meeting date.
 */

export interface NotionPageImportInput {
  pageId: string;
  kind: TranscriptKind;
  actorId: string;
}

export function searchNotionPages(db: Database, config: Config, workspaceId: string, query: string, cursor: string | null): Promise<NotionSearchPage> {
  return withNotion(db, config, workspaceId, (client) => client.searchPages(query.trim(), cursor));
}

/**
 * One run of a page import job: reads the page (progress counts its blocks) and makes the transcript
 * through `produce`, so a retried run that finds it made makes nothing twice.
 */
export async function importNotionPage(job: JobContext<NotionPageImportInput>): Promise<IntegrationJobResult> {
  const { pageId, kind, actorId } = job.input;
  const { page, markdown } = await withNotion(job.db, job.config, job.workspaceId, (client) => client.pageAsMarkdown(pageId, (blocks) => job.progress(blocks, null)));
  return job.produce(async (trx) => {
    const transcript = await createTranscript(
      trx,
      job.workspaceId,
      actorId,
      {
        title: page.title.slice(0, 200) || "Untitled Notion page",
        kind,
        meeting_date: kind === "meeting" ? page.lastEditedAt.slice(0, 10) : null,
        attendees: [],
        format: "markdown",
        content: markdown || "(This Notion page is empty.)",
        segments: null,
      },
      "notion",
    );
    return { noun: kind === "note" ? "note" : "transcript", title: transcript.title, path: `/transcripts/${transcript.id}` };
  });
}
