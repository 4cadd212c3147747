import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { RiskStatus, Source } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { saveVersioned } from "../../services/versioning.server";
import type { RiskInput } from "./schema";

const COLUMNS = [
  "risks.id",
  "risks.title",
  "risks.description",
  "risks.category",
  "risks.likelihood",
  "risks.impact",
  "risks.severity",
  "risks.status",
  "risks.owner_id",
  "risks.mitigation",
  "risks.due_date",
  "risks.initiative_id",
  "risks.transcript_id",
  "risks.version",
  "risks.source",
  "risks.created_at",
  "risks.updated_at",
] as const;

const NOT_FOUND = "This risk does not exist, or you do not have access to it.";

/** Past its due date and still not closed. The database's date decides, for every reader alike. */
export const overdue = sql<boolean>`(risks.due_date < current_date and risks.status <> 'closed')`;

/** One risk with the names of what it points at, read in a single query. */
function getRisk(db: Database, workspaceId: string, id: string) {
  return db
    .selectFrom("risks")
    .leftJoin("users as owner", "owner.id", "risks.owner_id")
    .leftJoin("initiatives", (join) =>
      join.onRef("initiatives.workspace_id", "=", "risks.workspace_id").onRef("initiatives.id", "=", "risks.initiative_id"),
    )
    .leftJoin("transcripts", (join) =>
      join.onRef("transcripts.workspace_id", "=", "risks.workspace_id").onRef("transcripts.id", "=", "risks.transcript_id"),
    )
    .select(COLUMNS)
    .select(["owner.name as owner_name", "initiatives.title as initiative_title", "transcripts.title as transcript_title", overdue.as("overdue")])
    .where("risks.workspace_id", "=", workspaceId)
    .where("risks.id", "=", id)
    .executeTakeFirst();
}

export type Risk = NonNullable<Awaited<ReturnType<typeof getRisk>>>;

export async function requireRisk(db: Database, workspaceId: string, id: string) {
  const risk = await getRisk(db, workspaceId, id);
  if (!risk) throw new AppError(404, "Not found", NOT_FOUND);
  return risk;
}

/**
 * Owner, initiative and transcript ids come from a form: each must belong to this workspace. Another
 * workspace's id answers exactly like one that never existed. (The composite foreign keys would
 * refuse it too, but with a 500.)
 */
async function checkReferences(db: Database, workspaceId: string, refs: { ownerId?: string | null; initiativeId?: string | null; transcriptId?: string | null }) {
  const [owner, initiative, transcript] = await Promise.all([
    refs.ownerId
      ? db.selectFrom("memberships").select("user_id").where("workspace_id", "=", workspaceId).where("user_id", "=", refs.ownerId).executeTakeFirst()
      : true,
    refs.initiativeId
      ? db.selectFrom("initiatives").select("id").where("workspace_id", "=", workspaceId).where("id", "=", refs.initiativeId).executeTakeFirst()
      : true,
    refs.transcriptId
      ? db.selectFrom("transcripts").select("id").where("workspace_id", "=", workspaceId).where("id", "=", refs.transcriptId).executeTakeFirst()
      : true,
  ]);
  if (!owner) throw new AppError(404, "Not found", "This member does not exist, or you do not have access to it.");
  if (!initiative) throw new AppError(404, "Not found", "This initiative does not exist, or you do not have access to it.");
  if (!transcript) throw new AppError(404, "Not found", "This transcript does not exist, or you do not have access to it.");
}

function toRow(input: RiskInput) {
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    likelihood: input.likelihood,
    impact: input.impact,
    status: input.status,
    owner_id: input.owner_id ?? null,
    mitigation: input.mitigation,
    due_date: input.due_date ?? null,
    initiative_id: input.initiative_id ?? null,
  };
}

const RETURNED = ["id", "title", "version", "severity"] as const;

/**
 * Creates a risk. The form creates "manual" ones; the AI risk analyst and the transcript
 * summariser pass their own source, and the transcript an item was drawn from.
 */
export function createRisk(
  db: Database,
  workspaceId: string,
  actorId: string,
  input: RiskInput,
  { source = "manual", transcriptId = null }: { source?: Source; transcriptId?: string | null } = {},
) {
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, workspaceId, { ownerId: input.owner_id, initiativeId: input.initiative_id, transcriptId });
    const risk = await trx
      .insertInto("risks")
      .values({ ...toRow(input), workspace_id: workspaceId, source, transcript_id: transcriptId, created_by: actorId, updated_by: actorId })
      .returning(RETURNED)
      .executeTakeFirstOrThrow();
    await recordActivity(trx, workspaceId, actorId, "created", { type: "risk", id: risk.id, title: risk.title });
    return risk;
  });
}

export function updateRisk(db: Database, workspaceId: string, actorId: string, id: string, version: number, input: RiskInput) {
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, workspaceId, { ownerId: input.owner_id, initiativeId: input.initiative_id });
    const risk = await saveVersioned(
      () =>
        trx
          .updateTable("risks")
          .set({ ...toRow(input), version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(RETURNED)
          .executeTakeFirst(),
      () => getRisk(trx, workspaceId, id),
      "This risk",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "risk", id, title: risk.title });
    return risk;
  });
}

export function deleteRisk(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom("risks").where("workspace_id", "=", workspaceId).where("id", "=", id).returning(["id", "title"]).executeTakeFirst();
    if (!deleted) throw new AppError(404, "Not found", NOT_FOUND);
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "risk", id, title: deleted.title });
  });
}

/**
 * The most severe risks, ties to the one due first. By default those not closed (the top of the
 * register's default view); the dashboard asks for status "open" only.
 */
export function topRisks(db: Database, workspaceId: string, limit = 5, statuses: RiskStatus[] = ["open", "mitigating", "accepted"]) {
  return db
    .selectFrom("risks")
    .leftJoin("users as owner", "owner.id", "risks.owner_id")
    .select(["risks.id", "risks.title", "risks.likelihood", "risks.impact", "risks.severity", "risks.status", "risks.category", "risks.due_date", "owner.name as owner_name"])
    .select(overdue.as("overdue"))
    .where("risks.workspace_id", "=", workspaceId)
    .where("risks.status", "in", statuses)
    .orderBy("risks.severity", "desc")
    .orderBy(sql`risks.due_date asc nulls last`)
    .orderBy("risks.created_at", "desc")
    .limit(limit)
    .execute();
}
