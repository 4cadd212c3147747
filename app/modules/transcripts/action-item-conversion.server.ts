import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { formatDate } from "../../components/dates";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { normalizeActionItems, type StoredActionItem } from "./transcripts.server";

export type ConversionTarget = "initiative" | "risk";

// The initiative and risk forms cap titles at 200 characters; a converted item must stay editable there.
const TITLE_MAX = 200;

/**
 * Turns one action item into an initiative or a risk (issue 3 item 7), in one transaction with
 * the transcript row locked: the item is marked with what it became, so a second click, a second
 * tab or a replayed form lands on the same row instead of creating another. If that row was
 * deleted since, the item can be converted again.
 */
export function convertActionItem(
  db: Database,
  workspaceId: string,
  actorId: string,
  transcriptId: string,
  itemId: string,
  target: ConversionTarget,
): Promise<{ id: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const transcript = await trx
      .selectFrom("transcripts")
      .select(["id", "title", "meeting_date", "action_items"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", transcriptId)
      .forUpdate()
      .executeTakeFirst();
    if (!transcript) throw new AppError(404, "Not found", "This transcript does not exist, or you do not have access to it.");
    const items = normalizeActionItems(transcript.action_items);
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) throw new AppError(404, "Not found", "This action item is no longer on the transcript. Reload the page.");

    const marker = target === "initiative" ? item.initiative_id : item.risk_id;
    if (marker && (await stillExists(trx, workspaceId, target, marker))) return { id: marker, created: false };

    const origin = `From meeting ${transcript.title}${transcript.meeting_date ? ` on ${formatDate(transcript.meeting_date)}` : ""}: ${
      item.quote ? `“${item.quote}”` : item.text
    }`;
    const title = item.text.length > TITLE_MAX ? `${item.text.slice(0, TITLE_MAX - 1)}…` : item.text;
    const ownerId = await memberNamed(trx, workspaceId, item.owner);
    const audit = { workspace_id: workspaceId, source: "transcript" as const, created_by: actorId, updated_by: actorId, owner_id: ownerId };
    const created =
      target === "initiative"
        ? await trx.insertInto("initiatives").values({ ...audit, title, problem: origin, description: "", status: "idea" }).returning(["id", "title"]).executeTakeFirstOrThrow()
        : await trx
            .insertInto("risks")
            .values({ ...audit, title, description: origin, category: "", mitigation: "", likelihood: 3, impact: 3, status: "open", transcript_id: transcript.id })
            .returning(["id", "title"])
            .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "created", { type: target, id: created.id, title: created.title });

    // Every item gets a real id on this save: the positional stand-ins would shift with the list.
    const marked: StoredActionItem[] = items.map((other) => ({
      ...other,
      id: other.id.startsWith("item-") ? randomUUID() : other.id,
      ...(other === item ? (target === "initiative" ? { initiative_id: created.id } : { risk_id: created.id }) : {}),
    }));
    await trx
      .updateTable("transcripts")
      .set({ action_items: JSON.stringify(marked) })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", transcript.id)
      .execute();
    return { id: created.id, created: true };
  });
}

async function stillExists(db: Database, workspaceId: string, target: ConversionTarget, id: string) {
  const table = target === "initiative" ? "initiatives" : "risks";
  const row = await db.selectFrom(table).select("id").where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
  return Boolean(row);
}

/** Which of the converted items' initiatives and risks still exist: the page links only to those. */
export async function existingConversions(db: Database, workspaceId: string, items: ReadonlyArray<StoredActionItem>) {
  const ids = (key: "initiative_id" | "risk_id") => items.map((item) => item[key]).filter((id): id is string => Boolean(id));
  const find = async (table: "initiatives" | "risks", wanted: string[]) =>
    wanted.length
      ? new Set((await db.selectFrom(table).select("id").where("workspace_id", "=", workspaceId).where("id", "in", wanted).execute()).map((r) => r.id))
      : new Set<string>();
  return { initiatives: await find("initiatives", ids("initiative_id")), risks: await find("risks", ids("risk_id")) };
}

/**
 * The member an action item's owner names, when exactly one fits: full name or email first,
 * then first name ("Tom" for Tom Reyes). A name nobody or several people answer to stays unassigned.
 */
async function memberNamed(db: Database, workspaceId: string, owner: string | null): Promise<string | null> {
  const name = owner?.trim().toLocaleLowerCase();
  if (!name) return null;
  const members = db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select("users.id")
    .where("memberships.workspace_id", "=", workspaceId)
    .limit(2);
  const exact = await members.where((eb) => eb.or([eb(sql`lower(users.name)`, "=", name), eb(sql`lower(users.email)`, "=", name)])).execute();
  if (exact.length) return exact.length === 1 ? exact[0]!.id : null;
  const byFirstName = await members.where(sql`lower(split_part(users.name, ' ', 1))`, "=", name).execute();
  return byFirstName.length === 1 ? byFirstName[0]!.id : null;
}
