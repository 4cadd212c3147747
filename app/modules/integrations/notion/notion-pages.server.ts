import type { Database } from "../../../../db/database";
import type { NotionSearchPage } from "../../../../integrations/notion/notion-client";
import type { TranscriptKind } from "../../../../db/schema";
import type { Config } from "../../../services/env.server";
import { createTranscript } from "../../transcripts/transcripts.server";
import { withNotion } from "./notion-access.server";

/**
 * Searching the pages shared with Bearing, and importing one (as Markdown) as a meeting's transcript,
 * dated by its last edit, or as a note, which has no meeting date.
 */

export function searchNotionPages(db: Database, config: Config, workspaceId: string, query: string, cursor: string | null): Promise<NotionSearchPage> {
  return withNotion(db, config, workspaceId, (client) => client.searchPages(query.trim(), cursor));
}

export async function importNotionPage(db: Database, config: Config, workspaceId: string, actorId: string, pageId: string, kind: TranscriptKind) {
  const { page, markdown } = await withNotion(db, config, workspaceId, (client) => client.pageAsMarkdown(pageId));
  return createTranscript(
    db,
    workspaceId,
    actorId,
    {
      title: page.title.slice(0, 200),
      kind,
      meeting_date: kind === "meeting" ? page.lastEditedAt.slice(0, 10) : null,
      attendees: [],
      format: "markdown", content: markdown || "(This Notion page is empty.)", segments: null },
    "notion",
  );
}
