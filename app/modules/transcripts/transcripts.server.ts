import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { ActionItem, Source, TranscriptFormat, TranscriptKind, TranscriptSegment } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { saveVersioned } from "../../services/versioning.server";
import type { UpdateTranscriptInput } from "./schema";

const COLUMNS = [
  "id", "title", "kind", "meeting_date", "attendees", "format", "content", "segments", "summary", "decisions", "action_items",
  "version", "source", "created_at", "updated_at",
] as const;

/** An action item as pages see it: always with an id, the conversion markers spelled out. */
export interface StoredActionItem {
  id: string;
  text: string;
  owner: string | null;
  quote: string | null;
  initiative_id: string | null;
  risk_id: string | null;
}

/**
 * Items written by other means (the AI summariser, an import) may lack ids; their position stands
 * in, which stays true until the list is next saved, when every item gets a real id.
 */
export function normalizeActionItems(items: ReadonlyArray<ActionItem> | null | undefined): StoredActionItem[] {
  return (items ?? []).map((item, index) => ({
    id: item.id ?? `item-${index + 1}`,
    text: item.text,
    owner: item.owner ?? null,
    quote: item.quote ?? null,
    initiative_id: item.initiative_id ?? null,
    risk_id: item.risk_id ?? null,
  }));
}

const notFoundError = () => new AppError(404, "Not found", "This transcript does not exist, or you do not have access to it.");

export async function listTranscripts(db: Database, workspaceId: string, { query }: { query?: string } = {}) {
  let select = db
    .selectFrom("transcripts")
    .select([
      "id", "title", "kind", "meeting_date", "attendees", "format", "summary", "source", "created_at", "updated_at",
      sql<number>`jsonb_array_length(decisions)`.as("decisions_count"),
      sql<number>`jsonb_array_length(action_items)`.as("action_items_count"),
      sql<number | null>`(segments -> -1 ->> 'end')::float8`.as("duration"),
      // What the card shows under the title: the summary once there is one, else how the meeting began.
      sql<string>`left(coalesce(nullif(summary, ''),
        case when segments is not null then concat_ws(' ', segments -> 0 ->> 'text', segments -> 1 ->> 'text', segments -> 2 ->> 'text') end,
        content), 280)`.as("preview"),
    ])
    .where("workspace_id", "=", workspaceId);
  if (query) select = select.where("search", "@@", sql<string>`websearch_to_tsquery('english', ${query})`);
  const rows = await select.orderBy(sql`meeting_date desc nulls last`).orderBy("created_at", "desc").execute();
  return rows.map((row) => (row.format === "markdown" && !row.summary ? { ...row, preview: markdownAsText(row.preview) } : row));
}

/** A Markdown excerpt as it reads, for one line of preview: no #, **, >, list markers or link targets. */
function markdownAsText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`~]{1,3}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

async function getTranscript(db: Database, workspaceId: string, id: string) {
  const row = await db.selectFrom("transcripts").select(COLUMNS).where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
  return row && { ...row, action_items: normalizeActionItems(row.action_items) };
}

export type Transcript = NonNullable<Awaited<ReturnType<typeof getTranscript>>>;

export async function requireTranscript(db: Database, workspaceId: string, id: string) {
  const transcript = await getTranscript(db, workspaceId, id);
  if (!transcript) throw notFoundError();
  return transcript;
}

export interface NewTranscript {
  title: string;
  kind: TranscriptKind;
  meeting_date: string | null;
  attendees: string[];
  format: TranscriptFormat;
  content: string;
  segments: TranscriptSegment[] | null;
}

/** Saves a new transcript and its activity together; inside the caller's transaction (an import job's) when given one. */
export async function createTranscript(db: Database, workspaceId: string, actorId: string, input: NewTranscript, source: Source = "manual"): Promise<{ id: string; title: string }> {
  if (!db.isTransaction) return db.transaction().execute((trx) => createTranscript(trx, workspaceId, actorId, input, source));
  const transcript = await db
    .insertInto("transcripts")
    .values({
      ...input,
      segments: input.segments ? JSON.stringify(input.segments) : undefined,
      summary: "",
      workspace_id: workspaceId,
      source,
      created_by: actorId,
      updated_by: actorId,
    })
    .returning(["id", "title"])
    .executeTakeFirstOrThrow();
  await recordActivity(db, workspaceId, actorId, "created", { type: "transcript", id: transcript.id, title: transcript.title });
  return transcript;
}

/**
 * Saves the edit form. Rows are matched to the stored items by id, so an item keeps its quote and
 * its conversion markers whatever happened to the rows around it; an id the server never issued
 * makes a new item.
 */
export function updateTranscript(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: UpdateTranscriptInput) {
  return db.transaction().execute(async (trx) => {
    // Locked, so a conversion running at the same moment cannot lose its marker to this save.
    const stored = await trx
      .selectFrom("transcripts")
      .select("action_items")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!stored) throw notFoundError();
    const previous = new Map(normalizeActionItems(stored.action_items).map((item) => [item.id, item]));
    const actionItems: ActionItem[] = input.action_items.map((row) => {
      const before = row.id ? previous.get(row.id) : undefined;
      if (before) previous.delete(before.id);
      const keepsId = before && !before.id.startsWith("item-");
      return {
        id: keepsId ? before.id : randomUUID(),
        text: row.text,
        owner: row.owner || null,
        quote: before ? before.quote : row.quote || null,
        initiative_id: before?.initiative_id ?? null,
        risk_id: before?.risk_id ?? null,
      };
    });
    const transcript = await saveVersioned(
      () =>
        trx
          .updateTable("transcripts")
          .set({
            title: input.title,
            kind: input.kind,
            meeting_date: input.meeting_date,
            attendees: input.attendees,
            summary: input.summary,
            decisions: JSON.stringify(input.decisions),
            action_items: JSON.stringify(actionItems),
            version: sql`version + 1`,
            updated_by: actorId,
            updated_at: new Date(),
          })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(["id", "title"])
          .executeTakeFirst(),
      () => getTranscript(trx, workspaceId, id),
      "This transcript",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "transcript", id, title: transcript.title });
    return transcript;
  });
}

export function deleteTranscript(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("transcripts")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .returning(["id", "title"])
      .executeTakeFirst();
    if (!deleted) throw notFoundError();
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "transcript", id, title: deleted.title });
  });
}
