import { Client, LogLevel } from "@notionhq/client";
import { IntegrationError, type ConnectedAccount } from "../types";
import { fromNotionError } from "./errors";
import { blocksToMarkdown, type NotionBlock } from "./markdown";

/**
 * The calls Bearing makes to Notion's API (https://developers.notion.com/reference/intro), through
 * @notionhq/client with its base URL from configuration. API version 2025-09-03 (the client's default):
 * databases hold data sources, and rows are queried and created through the data source.
 */

export interface NotionPageSummary {
  id: string;
  title: string;
  url: string;
  lastEditedAt: string;
}

export interface NotionSearchPage {
  pages: NotionPageSummary[];
  nextCursor: string | null;
}

export interface RoadmapRow {
  bearingId: string;
  name: string;
  lane: string;
  status: string;
  quarter: string;
}

export interface NotionRoadmapDatabase {
  databaseId: string;
  dataSourceId: string;
  url: string;
}

// Notion nests blocks without a stated limit; past this depth the rest of a page is left out, not fetched.
const MAX_DEPTH = 8;

export function notionClient(options: { baseUrl: string; accessToken: string }) {
  // Retries off: a 429 reaches the caller with Notion's Retry-After, and jobs retry on their own schedule.
  // Failures become IntegrationErrors the caller records, so the client's own console warnings are left out.
  const client = new Client({ auth: options.accessToken, baseUrl: options.baseUrl.replace(/\/+$/, ""), retry: false, logLevel: LogLevel.ERROR });
  const call = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw fromNotionError(error);
    }
  };

  /** A block's children, nested ones included; `read` is told how many blocks each answer held, for progress. */
  async function children(blockId: string, depth: number, read: (count: number) => Promise<void>): Promise<NotionBlock[]> {
    const blocks: NotionBlock[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(() => client.blocks.children.list({ block_id: blockId, start_cursor: cursor, page_size: 100 }));
      await read(page.results.length);
      for (const block of page.results as unknown as NotionBlock[]) {
        if (block.has_children && depth < MAX_DEPTH) block.children = await children(block.id, depth + 1, read);
        blocks.push(block);
      }
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor);
    return blocks;
  }

  return {
    async me(): Promise<ConnectedAccount> {
      const user = (await call(() => client.users.me({}))) as { id: string; name?: string | null; bot?: { workspace_name?: string | null } };
      return { id: user.id, name: user.bot?.workspace_name || user.name || "Notion workspace" };
    },

    /** One page of the pages shared with Bearing whose title matches `query`. */
    async searchPages(query: string, cursor: string | null): Promise<NotionSearchPage> {
      const answer = await call(() =>
        client.search({ query, filter: { property: "object", value: "page" }, start_cursor: cursor ?? undefined, page_size: 20 }),
      );
      return { pages: answer.results.map((result) => pageSummary(result as unknown as RawPage)), nextCursor: answer.has_more ? answer.next_cursor : null };
    },

    /** A page's title and its content, nested blocks included, as Markdown; `onBlocks` hears how many blocks were read so far. */
    async pageAsMarkdown(pageId: string, onBlocks?: (fetched: number) => void | Promise<void>): Promise<{ page: NotionPageSummary; markdown: string }> {
      const page = pageSummary((await call(() => client.pages.retrieve({ page_id: pageId }))) as unknown as RawPage);
      let blocks = 0;
      const markdown = blocksToMarkdown(
        await children(pageId, 0, async (count) => {
          blocks += count;
          await onBlocks?.(blocks);
        }),
      );
      return { page, markdown };
    },

    /** A new database under `parentPageId` with the roadmap's properties. */
    async createRoadmapDatabase(parentPageId: string, title: string): Promise<NotionRoadmapDatabase> {
      const select = (names: string[]) => ({ select: { options: names.map((name) => ({ name })) } });
      const database = (await call(() =>
        client.databases.create({
          parent: { type: "page_id", page_id: parentPageId },
          title: [{ type: "text", text: { content: title } }],
          initial_data_source: {
            properties: {
              Name: { title: {} },
              Lane: select(["Now", "Next", "Later"]),
              Status: select(["Idea", "Discovery", "Planned", "In progress", "Shipped", "Parked"]),
              Quarter: { rich_text: {} },
              "Bearing ID": { rich_text: {} },
            },
          },
        }),
      )) as unknown as { id: string; url: string; data_sources: { id: string }[] };
      const dataSourceId = database.data_sources[0]?.id;
      if (!dataSourceId) throw new IntegrationError("notion", "provider", "no_data_source", "Notion created the database without a data source. Try again.");
      return { databaseId: database.id, dataSourceId, url: database.url };
    },

    /** Creates the row for `row.bearingId`, or updates the one already there: exporting twice adds nothing. */
    async upsertRoadmapRow(dataSourceId: string, row: RoadmapRow): Promise<"created" | "updated"> {
      const found = await call(() =>
        client.dataSources.query({ data_source_id: dataSourceId, filter: { property: "Bearing ID", rich_text: { equals: row.bearingId } }, page_size: 1 }),
      );
      const properties = {
        Name: { title: [{ type: "text" as const, text: { content: row.name } }] },
        Lane: { select: { name: row.lane } },
        Status: { select: { name: row.status } },
        Quarter: { rich_text: [{ type: "text" as const, text: { content: row.quarter } }] },
        "Bearing ID": { rich_text: [{ type: "text" as const, text: { content: row.bearingId } }] },
      };
      const existing = found.results[0];
      if (existing) {
        await call(() => client.pages.update({ page_id: existing.id, properties }));
        return "updated";
      }
      await call(() => client.pages.create({ parent: { type: "data_source_id", data_source_id: dataSourceId }, properties }));
      return "created";
    },
  };
}

export type NotionClient = ReturnType<typeof notionClient>;

interface RawPage {
  id: string;
  url: string;
  last_edited_time: string;
  properties: Record<string, { type: string; title?: { plain_text: string }[] }>;
}

function pageSummary(page: RawPage): NotionPageSummary {
  const title = Object.values(page.properties ?? {}).find((property) => property.type === "title")?.title;
  return { id: page.id, title: title?.map((part) => part.plain_text).join("") || "Untitled", url: page.url, lastEditedAt: page.last_edited_time };
}
