import { parse } from "csv-parse/sync";
import type { Database } from "../../../db/database";
import type { InitiativeStatus } from "../../../db/schema";
import { LIMITS, parseTags, STATUS_LABELS, STATUSES, TAG_MAX, TAGS_MAX } from "./schema";
import { isOnScale, SCORE_INPUT_NAMES, SCORE_INPUTS, type ScoreInputName } from "./scoring";
import { recordActivity } from "~/modules/activity/activity.server";
import { AppError } from "~/services/errors.server";

/**
 * CSV import, step one: read a file into rows and say what is wrong with each, writing nothing.
 * Headers are matched by name (case, spaces and units ignored), so a file exported from Bearing,
 * or from a spreadsheet with its own column order, imports as it is.
 */

export const IMPORT_LIMIT_BYTES = 1024 * 1024;

type Field = "title" | "problem" | "description" | "status" | "tags" | "target_quarter" | "owner" | "personas" | ScoreInputName;

const ALIASES: Record<string, Field> = {
  title: "title",
  name: "title",
  initiative: "title",
  problem: "problem",
  description: "description",
  status: "status",
  tags: "tags",
  labels: "tags",
  target_quarter: "target_quarter",
  quarter: "target_quarter",
  owner_email: "owner",
  owner: "owner",
  personas: "personas",
  persona: "personas",
  ...Object.fromEntries(SCORE_INPUT_NAMES.map((name) => [name, name])),
};

/** "Owner e-mail", "Confidence (%)", "target quarter" → owner_e_mail, confidence, target_quarter. */
function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(.*?\)/g, "")
    .replace(/e-mail/g, "email")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export interface ParsedInitiative {
  title: string;
  problem: string;
  description: string;
  /** Null when the file's status is not one of ours (the row then has an error). */
  status: InitiativeStatus | null;
  tags: string[];
  target_quarter: string | null;
  owner_id: string | null;
  owner_name: string | null;
  personas: string[];
  scores: Partial<Record<ScoreInputName, number>>;
}

export interface PreviewRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  initiative: ParsedInitiative;
  errors: string[];
}

export interface ImportPreview {
  columns: Array<{ header: string; field: Field | null }>;
  rows: PreviewRow[];
  valid: number;
  invalid: number;
}

/** A file that cannot be read as a list of initiatives at all: the import page shows why. */
export class ImportFileError extends AppError {
  constructor(message: string) {
    super(400, "This file cannot be imported", message);
    this.name = "ImportFileError";
  }
}

interface Lookups {
  members: Array<{ id: string; name: string; email: string }>;
  personas: Array<{ id: string; name: string }>;
}

const STATUS_LIST = STATUSES.map((s) => STATUS_LABELS[s].toLowerCase()).join(", ");

function readRow(cells: Partial<Record<Field, string>>, lookups: Lookups): { initiative: ParsedInitiative; errors: string[] } {
  const errors: string[] = [];
  const text = (field: "title" | "problem" | "description") => {
    const value = (cells[field] ?? "").trim();
    if (value.length > LIMITS[field]) errors.push(`${field} is longer than ${LIMITS[field].toLocaleString("en")} characters`);
    return value;
  };
  const title = text("title");
  if (!title) errors.push("title is empty");

  const statusText = (cells.status ?? "").trim();
  const statusKey = statusText.toLowerCase().replace(/[\s-]+/g, "_");
  const status = statusText ? STATUSES.find((s) => s === statusKey) : "idea";
  if (!status) errors.push(`status “${statusText}” is not one of ${STATUS_LIST}`);

  const tags = parseTags(cells.tags ?? "");
  if (tags.length > TAGS_MAX) errors.push(`more than ${TAGS_MAX} tags`);
  const longTag = tags.find((tag) => tag.length > TAG_MAX);
  if (longTag) errors.push(`tag “${longTag.slice(0, 20)}…” is longer than ${TAG_MAX} characters`);

  const quarterText = (cells.target_quarter ?? "").trim().toUpperCase();
  if (quarterText && !/^\d{4}-Q[1-4]$/.test(quarterText)) errors.push(`target quarter “${cells.target_quarter?.trim()}” is not like 2026-Q3`);

  const ownerText = (cells.owner ?? "").trim();
  const owner = ownerText
    ? lookups.members.find((m) => m.email.toLowerCase() === ownerText.toLowerCase() || m.name.toLowerCase() === ownerText.toLowerCase())
    : undefined;
  if (ownerText && !owner) errors.push(`owner “${ownerText}” is not a member of this workspace`);

  // Names are separated by semicolons (as the export writes them); persona names may hold commas,
  // so a part that names no persona is tried once more as a comma-separated list.
  const personas: string[] = [];
  const personaNamed = (name: string) => lookups.personas.find((p) => p.name.toLowerCase() === name.toLowerCase());
  for (const part of (cells.personas ?? "").split(";").map((p) => p.trim()).filter(Boolean)) {
    const whole = personaNamed(part);
    const pieces = whole ? [whole] : part.split(",").map((p) => personaNamed(p.trim()));
    if (pieces.every(Boolean)) personas.push(...pieces.map((p) => p!.id));
    else errors.push(`persona “${part}” does not exist in this workspace`);
  }

  const scores: ParsedInitiative["scores"] = {};
  for (const name of SCORE_INPUT_NAMES) {
    const raw = (cells[name] ?? "").trim().replace(/%$/, "").replace(/,/g, "");
    if (!raw) continue;
    const value = Number(raw);
    if (isOnScale(SCORE_INPUTS[name], value)) scores[name] = value;
    else errors.push(`${name.replace(/_/g, " ")} “${cells[name]!.trim()}”: ${SCORE_INPUTS[name].error}`);
  }

  return {
    initiative: {
      title,
      problem: text("problem"),
      description: text("description"),
      status: status ?? null,
      tags,
      target_quarter: quarterText || null,
      owner_id: owner?.id ?? null,
      owner_name: owner?.name ?? null,
      personas: [...new Set(personas)],
      scores,
    },
    errors,
  };
}

/** Reads the file and checks every row against the workspace; throws ImportFileError when it cannot be read at all. */
export async function previewImport(db: Database, workspaceId: string, csv: string): Promise<ImportPreview> {
  let records: string[][];
  try {
    records = parse(csv.replace(/\r\n?/g, "\n"), { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new ImportFileError(`This file is not valid CSV: ${(error as Error).message}`);
  }
  const [headers, ...data] = records;
  if (!headers || data.length === 0) throw new ImportFileError("This file has no rows below its header row.");
  // One column per field: a column named exactly for it (owner_email for the owner) wins, else the first.
  const normalised = headers.map(normaliseHeader);
  const chosen = new Map<Field, number>();
  normalised.forEach((name, position) => {
    const field = ALIASES[name];
    if (!field) return;
    const exact = name === field || (field === "owner" && name === "owner_email");
    const current = chosen.get(field);
    if (current === undefined || (exact && normalised[current] !== (field === "owner" ? "owner_email" : field))) chosen.set(field, position);
  });
  const columns = headers.map((header, position) => {
    const field = ALIASES[normalised[position]!];
    return { header, field: field && chosen.get(field) === position ? field : null };
  });
  if (!chosen.has("title")) throw new ImportFileError("No “title” column: the header row must name one (title or name).");

  const [members, personas] = await Promise.all([
    db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id", "users.name", "users.email"])
      .where("memberships.workspace_id", "=", workspaceId)
      .execute(),
    db.selectFrom("personas").select(["id", "name"]).where("workspace_id", "=", workspaceId).execute(),
  ]);
  const rows = data.map((record, index) => {
    const cells: Partial<Record<Field, string>> = {};
    columns.forEach((column, position) => {
      if (column.field) cells[column.field] = record[position] ?? "";
    });
    return { row: index + 2, ...readRow(cells, { members, personas }) };
  });
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return { columns, rows, valid: rows.length - invalid, invalid };
}

/**
 * CSV import, step two: writes the rows in one transaction, marked as imported, each with its
 * activity entry. Batched: a 1 MB file can hold thousands of rows.
 */
export function importInitiatives(db: Database, workspaceId: string, actorId: string, rows: readonly ParsedInitiative[]) {
  return db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += 500) {
      const batch = rows.slice(start, start + 500);
      const created = await trx
        .insertInto("initiatives")
        .values(
          batch.map((row) => ({
            workspace_id: workspaceId,
            title: row.title,
            problem: row.problem,
            description: row.description,
            status: row.status ?? "idea",
            tags: row.tags,
            target_quarter: row.target_quarter,
            owner_id: row.owner_id,
            ...row.scores,
            source: "import" as const,
            created_by: actorId,
            updated_by: actorId,
          })),
        )
        .returning(["id", "title"])
        .execute();
      // PostgreSQL returns inserted rows in the order of the VALUES list.
      const links = created.flatMap((initiative, index) =>
        batch[index]!.personas.map((persona_id) => ({ workspace_id: workspaceId, initiative_id: initiative.id, persona_id })),
      );
      if (links.length > 0) await trx.insertInto("initiative_personas").values(links).execute();
      await recordActivity(trx, workspaceId, actorId, "created", created.map((initiative) => ({ type: "initiative" as const, ...initiative })));
    }
    return rows.length;
  });
}
