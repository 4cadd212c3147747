import { z } from "zod";
import { optionalText, quarterField, requiredText, versionField } from "../product-fields";
import { quarterIndex } from "./quarters";

export const LANES = ["now", "next", "later"] as const;
export type Lane = (typeof LANES)[number];

export const LANE_LABELS: Record<Lane, string> = { now: "Now", next: "Next", later: "Later" };
export const LANE_DESCRIPTIONS: Record<Lane, string> = {
  now: "Being built",
  next: "Coming up",
  later: "On the horizon",
};

const laneField = z.enum(LANES, { error: "Choose Now, Next or Later." });

// Runs even when another field (an empty title) failed, so every mistake shows at once; only
// something that is no item at all (an imported file's `null`) has no quarters to compare.
const alwaysCheck = { when: ({ value }: { value: unknown }) => typeof value === "object" && value !== null };

// A longer span is almost certainly a typo (2062 for 2026), and would stretch the timeline.
const MAX_SPAN_QUARTERS = 40;

/** The item's own fields as the form takes them; the workspace import builds on them too. */
export const roadmapItemFields = z.object({
  title: requiredText(200, "Give the item a title."),
  description: optionalText(5000),
  lane: laneField,
  initiative_id: z.uuid({ error: "Choose an initiative from the list." }).optional(),
  start_quarter: quarterField,
  end_quarter: quarterField,
});

type ItemShape = z.infer<typeof roadmapItemFields>;

const isQuarter = (value: unknown): value is string => typeof value === "string" && /^\d{4}-Q[1-4]$/.test(value);

type Quarters = { start_quarter?: string | null; end_quarter?: string | null };

function checkQuarters(item: Quarters, ctx: z.RefinementCtx) {
  const { start_quarter: start, end_quarter: end } = item;
  if (end && !start) {
    ctx.addIssue({ code: "custom", path: ["start_quarter"], message: "Add the start quarter too, or clear the end quarter." });
    return;
  }
  // Malformed quarters already have their own message.
  if (!isQuarter(start) || !isQuarter(end)) return;
  const span = quarterIndex(end) - quarterIndex(start);
  if (span < 0) ctx.addIssue({ code: "custom", path: ["end_quarter"], message: "The end quarter comes before the start quarter." });
  else if (span >= MAX_SPAN_QUARTERS) ctx.addIssue({ code: "custom", path: ["end_quarter"], message: "Keep an item within ten years." });
}

/** A start before the end, and no span longer than ten years: on the form and on import alike. */
export function withQuarterOrder<Schema extends z.ZodType<Quarters>>(schema: Schema) {
  return schema.superRefine(checkQuarters, alwaysCheck);
}

export const createRoadmapItemSchema = withQuarterOrder(roadmapItemFields);
export const updateRoadmapItemSchema = withQuarterOrder(roadmapItemFields.extend({ version: versionField }));

export type RoadmapItemInput = ItemShape;

export const ROADMAP_ITEM_FIELDS = [
  { name: "title", label: "Title" },
  { name: "description", label: "Description" },
  { name: "lane", label: "Lane" },
  { name: "initiative_id", label: "Linked initiative" },
  { name: "start_quarter", label: "Start quarter" },
  { name: "end_quarter", label: "End quarter" },
] as const satisfies ReadonlyArray<{ name: keyof RoadmapItemInput; label: string }>;

// Moves name the neighbours the item should land next to, never a numeric index: an index goes
// stale as soon as someone else moves an item, an id stays meaningful.
const itemId = z.uuid({ error: "This item does not exist." });
const neighbourId = z.uuid().optional();

export const moveSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), id: itemId, lane: laneField, afterId: neighbourId, beforeId: neighbourId }),
  z.object({ intent: z.literal("move-up"), id: itemId, lane: laneField }),
  z.object({ intent: z.literal("move-down"), id: itemId, lane: laneField }),
  z.object({ intent: z.literal("move-to-lane"), id: itemId, lane: laneField }),
]);

export type MoveRequest = z.infer<typeof moveSchema>;

export const HIDEABLE_FIELDS = ["description", "initiative", "quarters"] as const;
export type HideableField = (typeof HIDEABLE_FIELDS)[number];

export const HIDEABLE_FIELD_LABELS: Record<HideableField, string> = {
  description: "Descriptions",
  initiative: "Linked initiatives",
  quarters: "Quarters (and the timeline)",
};

export const createShareSchema = z.object({
  hide: z.array(z.enum(HIDEABLE_FIELDS, { error: "Pick fields from the list." })).default([]),
});
