import { sql } from "kysely";
import type { Database } from "../../../db/database";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocumentInput } from "./export-format";

// Every column of every product table goes into the export except these: the tenant key (the
// export is the tenant), PostgreSQL's generated columns (search, severity, the initiative scores) and the optimistic-lock
// counter (`version`), which only means something next to the row it guards. The export test
// compares this list with the database catalogue, so a new column cannot be forgotten.
export const NOT_EXPORTED = ["workspace_id", "search", "severity", "rice_score", "wsjf_score", "ice_score", "version"] as const;

const AUDIT = ["source", "created_by", "updated_by", "created_at", "updated_at"] as const;

export const EXPORTED_COLUMNS = {
  vision_versions: ["id", "number", "statement", "mission", "target_customers", "principles", "north_star_metric", "source", "created_by", "created_at"],
  personas: ["id", "name", "segment", "goals", "pains", "jobs_to_be_done", "quote", ...AUDIT],
  competitors: ["id", "name", "website", "positioning", "strengths", "weaknesses", "pricing_notes", "threat_level", ...AUDIT],
  initiatives: [
    "id", "title", "problem", "description", "status", "owner_id", "tags", "target_quarter",
    "reach", "impact", "confidence", "effort", "business_value", "time_criticality", "risk_reduction", "job_size", "ease",
    "ice_impact", "ice_confidence", ...AUDIT,
  ],
  initiative_personas: ["initiative_id", "persona_id"],
  initiative_links: ["id", "initiative_id", "provider", "external_id", "url", "title", "status", "created_at"],
  roadmap_items: ["id", "title", "description", "lane", "position", "initiative_id", "start_quarter", "end_quarter", ...AUDIT],
  transcripts: [
    "id", "title", "kind", "meeting_date", "attendees", "format", "content", "segments", "summary", "decisions", "action_items", ...AUDIT,
  ],
  risks: [
    "id", "title", "description", "category", "likelihood", "impact", "status", "owner_id", "mitigation", "due_date",
    "initiative_id", "transcript_id", ...AUDIT,
  ],
} as const;

/**
 * The whole workspace as one JSON-ready document (docs/export-format.md): one query per table, all
 * run side by side, each scoped to the workspace. Share links (their tokens are credentials) and
 * the activity log (the history of this workspace, not content) are left out.
 */
export async function exportWorkspace(db: Database, workspaceId: string): Promise<ExportDocumentInput> {
  // Column lists differ per table; plain SQL over the lists above keeps this one generic function.
  const rowsOf = async <Row = Record<string, unknown>>(table: keyof typeof EXPORTED_COLUMNS, order: string) => {
    const columns = sql.join(EXPORTED_COLUMNS[table].map((column) => sql.ref(column)));
    const { rows } = await sql<Row>`select ${columns} from ${sql.table(table)} where workspace_id = ${workspaceId} order by ${sql.raw(order)}`.execute(db);
    return rows;
  };
  const [workspace, members, vision, personas, competitors, initiatives, personaLinks, links, roadmap, transcripts, risks] = await Promise.all([
    db.selectFrom("workspaces").select(["name", "slug", "prioritization"]).where("id", "=", workspaceId).executeTakeFirstOrThrow(),
    db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id as user_id", "users.name", "users.email", "memberships.role"])
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("users.name")
      .execute(),
    rowsOf("vision_versions", "number"),
    rowsOf("personas", "created_at, id"),
    rowsOf("competitors", "created_at, id"),
    rowsOf<{ id: string }>("initiatives", "created_at, id"),
    rowsOf<{ initiative_id: string; persona_id: string }>("initiative_personas", "initiative_id, persona_id"),
    rowsOf<{ id: string; initiative_id: string }>("initiative_links", "created_at, id"),
    rowsOf("roadmap_items", "lane, position"),
    rowsOf("transcripts", "created_at, id"),
    rowsOf("risks", "created_at, id"),
  ]);

  const personasOf = groupBy(personaLinks, (row) => row.initiative_id);
  const linksOf = groupBy(links, (row) => row.initiative_id);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exported_at: new Date().toISOString(),
    workspace,
    members,
    vision_versions: vision,
    personas,
    competitors,
    initiatives: initiatives.map((initiative) => ({
      ...initiative,
      persona_ids: (personasOf.get(initiative.id) ?? []).map((row) => row.persona_id),
      links: (linksOf.get(initiative.id) ?? []).map(({ id: _id, initiative_id: _initiative, ...link }) => link),
    })),
    roadmap_items: roadmap,
    transcripts,
    risks,
  } as unknown as ExportDocumentInput;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
