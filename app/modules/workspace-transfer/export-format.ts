import { z } from "zod";

// The workspace export document (docs/export-format.md). Import validates a file against this
// schema before writing anything, with the same rules the database enforces, so an accepted file
// never fails halfway. Ids only need to be unique per table: import gives every row a new one.

export const EXPORT_FORMAT = "bearing.workspace-export";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const id = z.string().min(1).max(100);
const userRef = z.string().max(100).nullable().default(null);
const text = (max = 1_000_000) => z.string().max(max).default("");
const title = z.string().trim().min(1, "must not be empty").max(1000);
const timestamp = z.iso.datetime({ offset: true }).optional();
const day = z.iso.date().nullable().default(null);
const quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, "must be a quarter like 2026-Q3")
  .nullable()
  .default(null);
const number = z.number().finite().nullable().default(null);
const divisor = z.number().finite().positive().nullable().default(null);
const source = z.enum(["manual", "ai", "transcript", "import", "jira", "linear", "github", "notion", "slack"]).default("manual");

/** Who made and last changed a row, and when: kept on import where the person is a member. */
const audit = {
  source,
  created_by: userRef,
  updated_by: userRef,
  created_at: timestamp,
  updated_at: timestamp,
};

export const visionVersionSchema = z.object({
  id,
  number: z.number().int().positive(),
  statement: text(),
  mission: text(),
  target_customers: text(),
  principles: text(),
  north_star_metric: text(),
  source,
  created_by: userRef,
  created_at: timestamp,
});

export const personaSchema = z.object({
  id,
  name: title,
  segment: text(),
  goals: text(),
  pains: text(),
  jobs_to_be_done: text(),
  quote: text(),
  ...audit,
});

export const competitorSchema = z.object({
  id,
  name: title,
  website: text(2000),
  positioning: text(),
  strengths: text(),
  weaknesses: text(),
  pricing_notes: text(),
  threat_level: z.enum(["low", "medium", "high"]).default("medium"),
  ...audit,
});

export const initiativeLinkSchema = z.object({
  provider: z.enum(["jira", "linear", "github"]),
  external_id: z.string().min(1).max(500),
  url: z.string().min(1).max(2000),
  title: text(2000),
  status: text(200),
  created_at: timestamp,
});

export const initiativeSchema = z.object({
  id,
  title,
  problem: text(),
  description: text(),
  status: z.enum(["idea", "discovery", "planned", "in_progress", "shipped", "parked"]).default("idea"),
  owner_id: userRef,
  tags: z.array(z.string().max(100)).max(100).default([]),
  target_quarter: quarter,
  reach: number,
  impact: number,
  confidence: number,
  effort: divisor,
  business_value: number,
  time_criticality: number,
  risk_reduction: number,
  job_size: divisor,
  ease: number,
  ice_impact: number,
  ice_confidence: number,
  persona_ids: z.array(id).default([]),
  links: z.array(initiativeLinkSchema).default([]),
  ...audit,
});

export const roadmapItemSchema = z.object({
  id,
  title,
  description: text(),
  lane: z.enum(["now", "next", "later"]),
  // Fractional-indexing keys (base 62), compared bytewise.
  position: z.string().regex(/^[0-9A-Za-z]{1,100}$/, "must be a roadmap position key (letters and digits)"),
  initiative_id: id.nullable().default(null),
  start_quarter: quarter,
  end_quarter: quarter,
  ...audit,
});

const segmentSchema = z.object({
  start: z.number().finite().min(0),
  end: z.number().finite().min(0),
  speaker: z.string().max(500).nullable(),
  text: z.string().max(100_000),
});

// Loose: keys a later version adds to action items are kept as they are.
const actionItemSchema = z.looseObject({
  id: z.string().max(100).optional(),
  text: z.string().max(10_000),
  owner: z.string().max(500).nullable().default(null),
  quote: z.string().max(10_000).nullable().default(null),
  /** What the item was turned into; import points these at the new rows. */
  initiative_id: z.string().max(100).nullable().optional(),
  risk_id: z.string().max(100).nullable().optional(),
});

export const transcriptSchema = z.object({
  id,
  title,
  kind: z.enum(["meeting", "note"]).default("meeting"),
  meeting_date: day,
  attendees: z.array(z.string().max(500)).max(1000).default([]),
  format: z.enum(["text", "markdown", "vtt", "srt"]).default("text"),
  content: z.string().max(2_000_000),
  segments: z.array(segmentSchema).nullable().default(null),
  summary: text(),
  decisions: z.array(z.string().max(10_000)).default([]),
  action_items: z.array(actionItemSchema).default([]),
  ...audit,
});

export const riskSchema = z.object({
  id,
  title,
  description: text(),
  category: text(200),
  likelihood: z.number().int().min(1).max(5),
  impact: z.number().int().min(1).max(5),
  status: z.enum(["open", "mitigating", "accepted", "closed"]).default("open"),
  owner_id: userRef,
  mitigation: text(),
  due_date: day,
  initiative_id: id.nullable().default(null),
  transcript_id: id.nullable().default(null),
  ...audit,
});

const memberSchema = z.object({ user_id: z.string(), name: z.string(), email: z.string(), role: z.string() });

const documentShape = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}": this is not a Bearing workspace export` }),
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}: this export comes from a Bearing version this one cannot read` }),
  exported_at: z.string().optional(),
  workspace: z.object({
    name: z.string().trim().min(1, "must not be empty").max(100),
    slug: z.string().optional(),
    prioritization: z.enum(["rice", "wsjf", "ice"]).default("rice"),
  }),
  /** Informative only: import never adds people to the new workspace. */
  members: z.array(memberSchema).default([]),
  vision_versions: z.array(visionVersionSchema).default([]),
  personas: z.array(personaSchema).default([]),
  competitors: z.array(competitorSchema).default([]),
  initiatives: z.array(initiativeSchema).default([]),
  roadmap_items: z.array(roadmapItemSchema).default([]),
  transcripts: z.array(transcriptSchema).default([]),
  risks: z.array(riskSchema).default([]),
});

type Shape = z.infer<typeof documentShape>;
type Issue = { path: Array<string | number>; message: string };

/** What the database would refuse, found first: duplicate ids and keys, references to rows that are not in the file. */
function consistencyIssues(doc: Shape): Issue[] {
  const issues: Issue[] = [];
  const unique = <T>(table: keyof Shape, rows: T[], key: (row: T) => string | number, field: string, what: string) => {
    const seen = new Set<string | number>();
    rows.forEach((row, index) => {
      const value = key(row);
      if (seen.has(value)) issues.push({ path: [table, index, field], message: `${what} appears twice in ${table}` });
      seen.add(value);
    });
    return seen;
  };
  const refers = (path: Issue["path"], value: string | null, targets: Set<string | number>, target: string) => {
    if (value !== null && !targets.has(value)) issues.push({ path, message: `refers to ${target} "${value}", which is not in this file` });
  };
  unique("vision_versions", doc.vision_versions, (v) => v.id, "id", "this id");
  unique("vision_versions", doc.vision_versions, (v) => v.number, "number", "this version number");
  const personas = unique("personas", doc.personas, (p) => p.id, "id", "this id");
  unique("competitors", doc.competitors, (c) => c.id, "id", "this id");
  const initiatives = unique("initiatives", doc.initiatives, (i) => i.id, "id", "this id");
  const transcripts = unique("transcripts", doc.transcripts, (t) => t.id, "id", "this id");
  unique("roadmap_items", doc.roadmap_items, (r) => r.id, "id", "this id");
  unique("roadmap_items", doc.roadmap_items, (r) => `${r.lane} ${r.position}`, "position", "this position (in its lane)");
  unique("risks", doc.risks, (r) => r.id, "id", "this id");
  doc.initiatives.forEach((initiative, index) => {
    initiative.persona_ids.forEach((personaId, n) => refers(["initiatives", index, "persona_ids", n], personaId, personas, "persona"));
    const links = new Set<string>();
    initiative.links.forEach((link, n) => {
      const key = `${link.provider} ${link.external_id}`;
      if (links.has(key)) issues.push({ path: ["initiatives", index, "links", n], message: "this link appears twice on the initiative" });
      links.add(key);
    });
  });
  doc.roadmap_items.forEach((item, index) => refers(["roadmap_items", index, "initiative_id"], item.initiative_id, initiatives, "initiative"));
  doc.risks.forEach((risk, index) => {
    refers(["risks", index, "initiative_id"], risk.initiative_id, initiatives, "initiative");
    refers(["risks", index, "transcript_id"], risk.transcript_id, transcripts, "transcript");
  });
  return issues;
}

export const exportDocumentSchema = documentShape.superRefine((doc, ctx) => {
  for (const issue of consistencyIssues(doc)) ctx.addIssue({ code: "custom", ...issue });
});

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
/** What export writes: every default filled in, timestamps as the database holds them. */
export type ExportDocumentInput = z.input<typeof exportDocumentSchema>;

/** `["initiatives", 3, "status"]` → `initiatives[3].status`, as people read paths in JSON. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), "") || "(the document)";
}
