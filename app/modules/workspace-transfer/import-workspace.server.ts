import { randomUUID } from "node:crypto";
import type { Database } from "../../../db/database";
import type { Workspace } from "../../../db/schema";
import { recordActivity } from "../activity/activity.server";
import { AppError } from "../../services/errors.server";
import { createWorkspaceIn } from "../workspaces/workspaces.server";
import { exportDocumentSchema, formatPath, type ExportDocument } from "./export-format";

/** Reads an uploaded file: JSON first, then the export schema; the message names the first problem and where it is. */
export function parseExport(text: string): ExportDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError(400, "Not a JSON file", `This file is not valid JSON (${error instanceof Error ? error.message : "unreadable"}). Choose the .json file Bearing exported.`);
  }
  const result = exportDocumentSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    // The forms' messages are sentences already; zod's own and the consistency checks' are not.
    const sentence = /[.!?]$/.test(issue.message) ? issue.message : `${issue.message}.`;
    throw new AppError(400, "Not a valid Bearing export", `This file is not a valid Bearing export: ${formatPath(issue.path)}: ${sentence} Nothing was imported.`);
  }
  return result.data;
}

// Few enough rows per statement to stay far below PostgreSQL's 65,535 parameters (~30 columns a row).
const BATCH = 500;

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/** New ids for one table's rows, and the same mapping for every reference to them. */
function remap(rows: ReadonlyArray<{ id: string }>): Map<string, string> {
  return new Map(rows.map((row) => [row.id, randomUUID()]));
}

/**
 * Creates a new workspace owned by `importerId` from an export, in one transaction: every row gets
 * a new id and every reference follows it. The importer is the only member of the new workspace,
 * so an owner or author who is anyone else is cleared (null), as when a member leaves.
 */
export async function importWorkspace(db: Database, importerId: string, doc: ExportDocument, name = doc.workspace.name): Promise<Workspace> {
  const person = (userId: string | null) => (userId === importerId ? importerId : null);
  // Spread after a row, replaces its authors with members only (and keeps its source and times).
  const audit = (row: Pick<ExportDocument["personas"][number], "source" | "created_by" | "updated_by" | "created_at" | "updated_at">) => ({
    source: row.source,
    created_by: person(row.created_by),
    updated_by: person(row.updated_by),
    created_at: row.created_at,
    updated_at: row.updated_at,
  });
  const personaIds = remap(doc.personas);
  const initiativeIds = remap(doc.initiatives);
  const transcriptIds = remap(doc.transcripts);
  const riskIds = remap(doc.risks);
  const ref = (ids: Map<string, string>, id: string | null) => (id === null ? null : ids.get(id)!);
  // An action item remembers what it became; that item may have been deleted since (then: null).
  const converted = (item: ExportDocument["transcripts"][number]["action_items"][number]) => ({
    ...item,
    ...(item.initiative_id !== undefined ? { initiative_id: item.initiative_id === null ? null : (initiativeIds.get(item.initiative_id) ?? null) } : {}),
    ...(item.risk_id !== undefined ? { risk_id: item.risk_id === null ? null : (riskIds.get(item.risk_id) ?? null) } : {}),
  });

  return db.transaction().execute(async (trx) => {
    const workspace = await createWorkspaceIn(trx, importerId, name);
    const workspace_id = workspace.id;
    await trx.updateTable("workspaces").set({ prioritization: doc.workspace.prioritization }).where("id", "=", workspace_id).execute();

    await insertAll(doc.vision_versions, (rows) =>
      trx
        .insertInto("vision_versions")
        .values(rows.map(({ id: _id, created_by, ...row }) => ({ ...row, workspace_id, created_by: person(created_by) })))
        .execute(),
    );
    await insertAll(doc.personas, (rows) =>
      trx
        .insertInto("personas")
        .values(rows.map(({ id, ...row }) => ({ ...row, ...audit(row), workspace_id, id: personaIds.get(id)! })))
        .execute(),
    );
    await insertAll(doc.competitors, (rows) =>
      trx
        .insertInto("competitors")
        .values(rows.map(({ id: _id, ...row }) => ({ ...row, ...audit(row), workspace_id })))
        .execute(),
    );
    await insertAll(doc.initiatives, (rows) =>
      trx
        .insertInto("initiatives")
        .values(
          rows.map(({ id, persona_ids: _p, links: _l, owner_id, ...row }) => ({
            ...row,
            ...audit(row),
            workspace_id,
            id: initiativeIds.get(id)!,
            owner_id: person(owner_id),
          })),
        )
        .execute(),
    );
    const personaLinks = doc.initiatives.flatMap((initiative) =>
      [...new Set(initiative.persona_ids)].map((personaId) => ({ workspace_id, initiative_id: initiativeIds.get(initiative.id)!, persona_id: personaIds.get(personaId)! })),
    );
    await insertAll(personaLinks, (rows) => trx.insertInto("initiative_personas").values(rows).execute());
    const externalLinks = doc.initiatives.flatMap((initiative) => initiative.links.map((link) => ({ ...link, workspace_id, initiative_id: initiativeIds.get(initiative.id)! })));
    await insertAll(externalLinks, (rows) => trx.insertInto("initiative_links").values(rows).execute());

    await insertAll(doc.transcripts, (rows) =>
      trx
        .insertInto("transcripts")
        .values(
          rows.map(({ id, segments, decisions, action_items, ...row }) => ({
            ...row,
            ...audit(row),
            workspace_id,
            id: transcriptIds.get(id)!,
            segments: segments === null ? undefined : JSON.stringify(segments),
            decisions: JSON.stringify(decisions),
            action_items: JSON.stringify(action_items.map(converted)),
          })),
        )
        .execute(),
    );
    await insertAll(doc.roadmap_items, (rows) =>
      trx
        .insertInto("roadmap_items")
        .values(
          rows.map(({ id: _id, initiative_id, ...row }) => ({
            ...row,
            ...audit(row),
            workspace_id,
            initiative_id: ref(initiativeIds, initiative_id),
          })),
        )
        .execute(),
    );
    await insertAll(doc.risks, (rows) =>
      trx
        .insertInto("risks")
        .values(
          rows.map(({ id, initiative_id, transcript_id, owner_id, ...row }) => ({
            ...row,
            ...audit(row),
            workspace_id,
            id: riskIds.get(id)!,
            owner_id: person(owner_id),
            initiative_id: ref(initiativeIds, initiative_id),
            transcript_id: ref(transcriptIds, transcript_id),
          })),
        )
        .execute(),
    );
    // One event for the import itself; the rows keep their own creation times and authors.
    await recordActivity(trx, workspace_id, importerId, "created", { type: "workspace", id: workspace_id, title: `${name} (imported from a Bearing export)` });
    return workspace;
  });
}
