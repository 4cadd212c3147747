import type { Database } from "../../../../db/database";
import { notionClient, type NotionClient } from "../../../../integrations/notion/notion-client";
import { IntegrationError } from "../../../../integrations/types";
import type { Config } from "../../../services/env.server";
import { AppError } from "../../../services/errors.server";
import { accessToken, recordOutcome, requireConnection, type Connection } from "../connections.server";

/**
 * Access to a workspace's Notion: the stored token (Notion's do not expire, so there is nothing to refresh)
 * and a client for it. Nothing reaches Notion unless the workspace has authorised a connection (promise 4).
 */

function requireNotionConfig(config: Config) {
  if (!config.integrations.notion) throw new AppError(404, "Not found", "Notion is not set up on this server (NOTION_CLIENT_ID).");
  return config.integrations.notion;
}

/** What the roadmap export remembers in the connection's settings, so a second export updates the same database. */
export interface NotionExportSettings {
  roadmapDatabaseId?: string;
  roadmapDataSourceId?: string;
  roadmapDatabaseUrl?: string;
  roadmapParentPageId?: string;
}

export function exportSettings(connection: Pick<Connection, "settings">): NotionExportSettings {
  return connection.settings as NotionExportSettings;
}

/** Runs `run` with a Notion client; the connection remembers how the call went for the settings page. */
export async function withNotion<T>(db: Database, config: Config, workspaceId: string, run: (client: NotionClient, connection: Connection) => Promise<T>): Promise<T> {
  const notion = requireNotionConfig(config);
  const connection = await requireConnection(db, workspaceId, "notion");
  const client = notionClient({ baseUrl: notion.baseUrl, accessToken: await accessToken(db, config, connection, workspaceId) });
  try {
    const result = await run(client, connection);
    await recordOutcome(db, workspaceId, connection.id, null);
    return result;
  } catch (error) {
    if (error instanceof IntegrationError) await recordOutcome(db, workspaceId, connection.id, error);
    throw error;
  }
}
