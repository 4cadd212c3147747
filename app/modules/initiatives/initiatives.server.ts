import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { InitiativeStatus, Source } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { saveVersioned } from "../../services/versioning.server";
import type { InitiativeInput } from "./schema";
import { frameworkInputs, isFramework, SCORE_INPUT_NAMES, type Framework, type ScoreInputName } from "./scoring";

export const INITIATIVE_COLUMNS = [
  "id",
  "title",
  "problem",
  "description",
  "status",
  "owner_id",
  "tags",
  "target_quarter",
  ...SCORE_INPUT_NAMES,
  "version",
  "source",
  "created_at",
  "updated_at",
] as const;

const NOT_FOUND = "This initiative does not exist, or you do not have access to it.";

export async function getPrioritization(db: Database, workspaceId: string): Promise<Framework> {
  const row = await db.selectFrom("workspaces").select("prioritization").where("id", "=", workspaceId).executeTakeFirstOrThrow();
  return isFramework(row.prioritization) ? row.prioritization : "rice";
}

export function getInitiative(db: Database, workspaceId: string, id: string) {
  return db.selectFrom("initiatives").select(INITIATIVE_COLUMNS).where("workspace_id", "=", workspaceId).where("id", "=", id).executeTakeFirst();
}

/** The initiative with its persona ids, as the edit form needs it. */
export async function requireInitiative(db: Database, workspaceId: string, id: string) {
  const initiative = await getInitiative(db, workspaceId, id);
  if (!initiative) throw new AppError(404, "Not found", NOT_FOUND);
  const personas = await db
    .selectFrom("initiative_personas")
    .select("persona_id")
    .where("workspace_id", "=", workspaceId)
    .where("initiative_id", "=", id)
    .execute();
  return { ...initiative, personas: personas.map((p) => p.persona_id) };
}

/** The members and personas an initiative may point at: the form's choices. */
export async function initiativeChoices(db: Database, workspaceId: string) {
  const [members, personas] = await Promise.all([
    db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id", "users.name", "users.email"])
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("users.name")
      .execute(),
    db.selectFrom("personas").select(["id", "name"]).where("workspace_id", "=", workspaceId).orderBy("name").execute(),
  ]);
  return { members, personas };
}

/**
 * Field errors for an owner or persona that is not of this workspace. The foreign keys would refuse
 * them too; this says which field is wrong, in words.
 */
export async function referenceErrors(db: Database, workspaceId: string, input: Pick<InitiativeInput, "owner_id" | "personas">) {
  const errors: Record<string, string[]> = {};
  if (input.owner_id) {
    const member = await db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", input.owner_id)
      .executeTakeFirst();
    if (!member) errors.owner_id = ["Choose a member of this workspace."];
  }
  if (input.personas.length > 0) {
    const found = await db
      .selectFrom("personas")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", input.personas)
      .execute();
    if (found.length !== new Set(input.personas).size) errors.personas = ["Choose personas of this workspace."];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/**
 * The row's columns from a form. Only the framework's score inputs are written (an empty one
 * clears its column); the other frameworks' inputs stay as stored.
 */
function columnsOf(input: InitiativeInput, framework: Framework) {
  const { personas: _personas, ...fields } = input;
  const values: Partial<Record<ScoreInputName, number | undefined>> = input;
  const scores = Object.fromEntries(frameworkInputs(framework).map(({ name }) => [name, values[name] ?? null]));
  return {
    title: fields.title,
    problem: fields.problem,
    description: fields.description,
    status: fields.status,
    tags: fields.tags,
    owner_id: fields.owner_id ?? null,
    target_quarter: fields.target_quarter ?? null,
    ...scores,
  };
}

async function replacePersonas(trx: Database, workspaceId: string, initiativeId: string, personaIds: readonly string[]) {
  await trx.deleteFrom("initiative_personas").where("workspace_id", "=", workspaceId).where("initiative_id", "=", initiativeId).execute();
  const unique = [...new Set(personaIds)];
  if (unique.length === 0) return;
  await trx
    .insertInto("initiative_personas")
    .values(unique.map((persona_id) => ({ workspace_id: workspaceId, initiative_id: initiativeId, persona_id })))
    .execute();
}

export function createInitiative(
  db: Database,
  workspaceId: string,
  actorId: string,
  framework: Framework,
  input: InitiativeInput,
  source: Source = "manual",
) {
  return db.transaction().execute(async (trx) => {
    const initiative = await trx
      .insertInto("initiatives")
      .values({ ...columnsOf(input, framework), workspace_id: workspaceId, source, created_by: actorId, updated_by: actorId })
      .returning(INITIATIVE_COLUMNS)
      .executeTakeFirstOrThrow();
    await replacePersonas(trx, workspaceId, initiative.id, input.personas);
    await recordActivity(trx, workspaceId, actorId, "created", { type: "initiative", id: initiative.id, title: initiative.title });
    return initiative;
  });
}

/** Saves over `version` only; a newer stored version is a ConflictError carrying it, personas included. */
export function updateInitiative(
  db: Database,
  workspaceId: string,
  actorId: string,
  id: string,
  version: number,
  framework: Framework,
  input: InitiativeInput,
) {
  return db.transaction().execute(async (trx) => {
    const initiative = await saveVersioned(
      () =>
        trx
          .updateTable("initiatives")
          .set({ ...columnsOf(input, framework), version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(INITIATIVE_COLUMNS)
          .executeTakeFirst(),
      async () => {
        const current = await getInitiative(trx, workspaceId, id);
        if (!current) return undefined;
        const personas = await trx
          .selectFrom("initiative_personas")
          .select("persona_id")
          .where("workspace_id", "=", workspaceId)
          .where("initiative_id", "=", id)
          .execute();
        return { ...current, personas: personas.map((p) => p.persona_id) };
      },
      "This initiative",
    );
    await replacePersonas(trx, workspaceId, id, input.personas);
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id, title: initiative.title });
    return initiative;
  });
}

/** The board's move: a status change over `version` only, so a stale card never overwrites. */
export function moveInitiative(db: Database, workspaceId: string, actorId: string, id: string, version: number, status: InitiativeStatus) {
  return db.transaction().execute(async (trx) => {
    const initiative = await saveVersioned(
      () =>
        trx
          .updateTable("initiatives")
          .set({ status, version: sql`version + 1`, updated_by: actorId, updated_at: new Date() })
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .where("version", "=", version)
          .returning(["id", "title", "status", "version"])
          .executeTakeFirst(),
      () =>
        trx
          .selectFrom("initiatives")
          .select(["id", "title", "status", "version"])
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", id)
          .executeTakeFirst(),
      "This initiative",
    );
    await recordActivity(trx, workspaceId, actorId, "updated", { type: "initiative", id, title: initiative.title });
    return initiative;
  });
}

export function deleteInitiative(db: Database, workspaceId: string, actorId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("initiatives")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .returning(["id", "title"])
      .executeTakeFirst();
    if (!deleted) throw new AppError(404, "Not found", NOT_FOUND);
    await recordActivity(trx, workspaceId, actorId, "deleted", { type: "initiative", id, title: deleted.title });
  });
}
