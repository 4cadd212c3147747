import { z } from "zod";
import { competitorFields } from "../competitors/schema";
import { PROVIDER_NAMES, detectLink } from "../initiatives/links";
import { initiativeContentFields, issueLinkAddress, scoreValue, tagList } from "../initiatives/schema";
import { SCORE_INPUT_NAMES, SCORE_INPUTS, type ScoreInputName } from "../initiatives/scoring";
import { personaFields } from "../personas/schema";
import { quarterField } from "../product-fields";
import { riskFields } from "../risks/schema";
import { roadmapItemFields, withQuarterOrder } from "../roadmap/schema";
import { actionItemFields, ACTION_ITEMS_MAX, updateTranscriptSchema, withAttendeeRules, withDecisionRules } from "../transcripts/schema";
import { visionFields } from "../vision/schema";

// The workspace export document (docs/export-format.md). Import validates a file against this
// schema before writing anything, so an accepted file never fails halfway. A row's own fields are
// checked by the very zod fields its form uses (each domain's schema.ts): a file can hold nothing a
// person could not have typed, such as a `javascript:` website, and a rule a form gains applies to
// imports at once. What no form edits (ids, references, positions, audit, a transcript's text and
// segments) keeps the database's rules. Ids only need to be unique per table: import gives every row a new one.

export const EXPORT_FORMAT = "bearing.workspace-export";
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const id = z.string().min(1).max(100);
const userRef = z.string().max(100).nullable().default(null);
const text = (max = 1_000_000) => z.string().max(max).default("");
const timestamp = z.iso.datetime({ offset: true }).optional();
/** A form field a form may leave out, stored as null (and written as null by export). */
const orNull = <Field extends z.ZodType>(field: Field) => field.nullable().transform((value) => value ?? null);
const source = z.enum(["manual", "ai", "transcript", "import", "jira", "linear", "github", "notion", "slack"]).default("manual");

/** Who made and last changed a row, and when: kept on import where the person is a member. */
const audit = {
  source,
  created_by: userRef,
  updated_by: userRef,
  created_at: timestamp,
  updated_at: timestamp,
};

const visionVersionSchema = visionFields.extend({
  id,
  number: z.number().int().positive(),
  source,
  created_by: userRef,
  created_at: timestamp,
});

const personaSchema = personaFields.extend({ id, ...audit });

const competitorSchema = competitorFields.extend({ id, ...audit });

/** A link as the form would make it from its address: the provider and issue the address names, at its canonical address. */
const initiativeLinkSchema = z
  .object({
    provider: z.enum(["jira", "linear", "github"]),
    external_id: z.string().min(1).max(500),
    url: issueLinkAddress,
    title: text(2000),
    status: text(200),
    created_at: timestamp,
  })
  .transform((link, context) => {
    const found = detectLink(link.url);
    if ("error" in found) return z.NEVER;
    if (found.provider !== link.provider || found.externalId !== link.external_id) {
      context.addIssue({
        code: "custom",
        path: ["url"],
        message: `This address is ${PROVIDER_NAMES[found.provider]} ${found.externalId}, not the link's ${PROVIDER_NAMES[link.provider]} ${link.external_id}.`,
      });
      return z.NEVER;
    }
    return { ...link, url: found.url };
  });

const scores = Object.fromEntries(SCORE_INPUT_NAMES.map((name) => [name, scoreValue(SCORE_INPUTS[name]).nullable().default(null)])) as Record<
  ScoreInputName,
  z.ZodDefault<z.ZodNullable<ReturnType<typeof scoreValue>>>
>;

const initiativeSchema = z.object({
  id,
  ...initiativeContentFields,
  target_quarter: orNull(quarterField),
  owner_id: userRef,
  tags: tagList.default([]),
  ...scores,
  persona_ids: z.array(id).default([]),
  links: z.array(initiativeLinkSchema).default([]),
  ...audit,
});

const roadmapItemSchema = withQuarterOrder(
  roadmapItemFields.extend({
    id,
    // Fractional-indexing keys (base 62), compared bytewise.
    position: z.string().regex(/^[0-9A-Za-z]{1,100}$/, "must be a roadmap position key (letters and digits)"),
    initiative_id: id.nullable().default(null),
    start_quarter: orNull(quarterField),
    end_quarter: orNull(quarterField),
    ...audit,
  }),
);

const segmentSchema = z.object({
  start: z.number().finite().min(0),
  end: z.number().finite().min(0),
  speaker: z.string().max(500).nullable(),
  text: z.string().max(100_000),
});

// Loose: keys a later version adds to action items are kept as they are.
const actionItemSchema = z.looseObject({
  ...actionItemFields,
  owner: actionItemFields.owner.nullable().default(null),
  quote: actionItemFields.quote.nullable().default(null),
  /** What the item was turned into; import points these at the new rows. */
  initiative_id: z.string().max(100).nullable().optional(),
  risk_id: z.string().max(100).nullable().optional(),
});

const transcriptSchema = z.object({
  id,
  title: updateTranscriptSchema.shape.title,
  kind: updateTranscriptSchema.shape.kind,
  meeting_date: orNull(updateTranscriptSchema.shape.meeting_date),
  attendees: withAttendeeRules(z.array(z.string())).default([]),
  format: z.enum(["text", "markdown", "vtt", "srt"]).default("text"),
  // No form edits the text once made, and a Notion page or a Slack thread may be larger than the
  // 1 MB a pasted or uploaded transcript may be: the text keeps the import's own bound.
  content: z.string().max(2_000_000),
  segments: z.array(segmentSchema).nullable().default(null),
  summary: updateTranscriptSchema.shape.summary,
  decisions: withDecisionRules(z.array(z.string())).default([]),
  action_items: z.array(actionItemSchema).max(ACTION_ITEMS_MAX, `List at most ${ACTION_ITEMS_MAX} action items.`).default([]),
  ...audit,
});

const riskSchema = riskFields.extend({
  id,
  owner_id: userRef,
  due_date: orNull(riskFields.shape.due_date),
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
