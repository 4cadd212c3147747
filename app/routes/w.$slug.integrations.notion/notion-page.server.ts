import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { NotionPageSummary } from "../../../integrations/notion/notion-client";
import { IntegrationError } from "../../../integrations/types";
import type { IntegrationActionResult } from "~/modules/integrations/action-result";
import { getConnection, requireConnection } from "~/modules/integrations/connections.server";
import { exportSettings } from "~/modules/integrations/notion/notion-access.server";
import { NOTION_EXPORT_JOB, NOTION_PAGE_IMPORT_JOB } from "~/modules/integrations/notion/notion-jobs.server";
import { searchNotionPages, type NotionPageImportInput } from "~/modules/integrations/notion/notion-pages.server";
import { AppError } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";
import { enqueueJob } from "~/services/jobs/jobs.server";

/**
 * The Notion page (/w/:slug/integrations/notion), editors and up: search the pages shared with Bearing (a GET
 * form, so results have a link of their own), import one as a transcript or a note, export the roadmap under one;
 * imports and exports run as background jobs whose progress the page shows.
 */

// Notion page ids are UUIDs, with or without dashes.
const PAGE_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export async function loadNotionPage(context: AppLoadContext, workspaceId: string, url: URL) {
  const connection = await getConnection(context.db, workspaceId, "notion");
  if (!connection || !context.config.integrations.notion) return { connected: false as const };
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 200);
  const cursor = url.searchParams.get("cursor");
  let results: NotionPageSummary[] = [];
  let nextCursor: string | null = null;
  let searchError: string | null = null;
  if (url.searchParams.has("q")) {
    try {
      ({ pages: results, nextCursor } = await searchNotionPages(context.db, context.config, workspaceId, query, cursor));
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      searchError = error.message;
    }
  }
  const settings = exportSettings(connection);
  return {
    connected: true as const,
    account: connection.account_name,
    lastError: connection.last_error,
    query,
    searched: url.searchParams.has("q"),
    results,
    nextCursor,
    searchError,
    exportedTo: settings.roadmapDatabaseUrl ?? null,
    exportParentPageId: settings.roadmapParentPageId ?? null,
  };
}

const notionIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("import"), pageId: formText, as: z.enum(["meeting", "note"]).catch("meeting") }),
  z.object({ intent: z.literal("export"), pageId: formText }),
]);

/** Runs one form of the page; a page id that is not one comes back under the results, a refusal as the page's error. */
export async function runNotionIntent(context: AppLoadContext, member: { workspaceId: string; userId: string }, form: FormData): Promise<IntegrationActionResult> {
  let intent = "";
  try {
    const submitted = parseIntent(form, notionIntents, "Unknown action.");
    intent = submitted.intent;
    if (!PAGE_ID.test(submitted.pageId)) return { intent, fieldErrors: { pageId: "Choose a Notion page from the search results." } };
    return await run(context, member, submitted);
  } catch (error) {
    if (error instanceof AppError || error instanceof IntegrationError) return { intent, error: error.message };
    throw error;
  }
}

async function run(context: AppLoadContext, { workspaceId, userId }: { workspaceId: string; userId: string }, submitted: z.output<typeof notionIntents>): Promise<IntegrationActionResult> {
  const { intent, pageId } = submitted;
  switch (submitted.intent) {
    case "import": {
      const kind = submitted.as;
      const connection = await requireConnection(context.db, workspaceId, "notion");
      const input: NotionPageImportInput = { pageId, kind, actorId: userId };
      const subject = pageId.replaceAll("-", "").toLowerCase();
      const job = await enqueueJob(context.db, context.jobs, { workspaceId, kind: NOTION_PAGE_IMPORT_JOB, connectionId: connection.id, subject, input, createdBy: userId });
      return { intent, notice: job.created ? `Importing the page as ${kind === "note" ? "a note" : "a transcript"}; its progress shows below.` : "That page is already being imported; its progress shows below." };
    }
    case "export": {
      const connection = await requireConnection(context.db, workspaceId, "notion");
      const job = await enqueueJob(context.db, context.jobs, { workspaceId, kind: NOTION_EXPORT_JOB, connectionId: connection.id, input: { parentPageId: pageId, actorId: userId }, createdBy: userId });
      return { intent, notice: job.created ? "The roadmap export has started; its progress shows below." : "An export is already running; its progress shows below." };
    }
  }
}
