import { z } from "zod";
import type { RiskStatus } from "../../../db/schema";
import { optionalText, requiredText, versionField } from "../product-fields";

export const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const satisfies readonly RiskStatus[];

export const STATUS_LABELS: Record<RiskStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  accepted: "Accepted",
  closed: "Closed",
};

/** Offered in the category field; any other text is allowed too. */
const CATEGORY_SUGGESTIONS = ["technical", "delivery", "market", "compliance", "security", "people"] as const;

/** Index = score − 1. The words make the 1–5 scales mean the same thing to everyone who rates. */
export const LIKELIHOOD_LABELS = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"] as const;
export const IMPACT_LABELS = ["Negligible", "Minor", "Moderate", "Major", "Severe"] as const;

/** Where a risk came from; the form only ever creates "manual" ones. */
export const RISK_SOURCES = ["manual", "ai", "transcript"] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

export const SOURCE_LABELS: Record<string, string> = { manual: "Manual", ai: "AI", transcript: "Transcript" };

const scoreField = (what: string) =>
  z
    .number({ error: `Choose the ${what}, from 1 to 5.` })
    .int(`Choose the ${what}, from 1 to 5.`)
    .min(1, `The ${what} goes from 1 to 5.`)
    .max(5, `The ${what} goes from 1 to 5.`);

// Any well-formed id passes here; the server then checks that it belongs to the workspace.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const referenceField = (message: string) => z.string().trim().regex(UUID, message).optional();

const dueDateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-31.")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "This date does not exist.")
  .optional();

export const riskFields = z.object({
  title: requiredText(200, "Name the risk."),
  description: optionalText(5000),
  category: optionalText(60),
  likelihood: scoreField("likelihood"),
  impact: scoreField("impact"),
  status: z.enum(RISK_STATUSES, { error: "Choose a status." }).default("open"),
  owner_id: referenceField("Choose a member of this workspace."),
  mitigation: optionalText(5000),
  due_date: dueDateField,
  initiative_id: referenceField("Choose one of this workspace's initiatives."),
});

export const createRiskSchema = riskFields;
export const updateRiskSchema = riskFields.extend({ version: versionField });

export type RiskInput = z.infer<typeof riskFields>;

/** Every field a person edits, in form order: the conflict view compares these. */
export const RISK_FIELDS = [
  { name: "title", label: "Title" },
  { name: "category", label: "Category" },
  { name: "likelihood", label: "Likelihood" },
  { name: "impact", label: "Impact" },
  { name: "status", label: "Status" },
  { name: "owner_id", label: "Owner" },
  { name: "due_date", label: "Due date" },
  { name: "initiative_id", label: "Linked initiative" },
  { name: "description", label: "Description" },
  { name: "mitigation", label: "Mitigation" },
] as const satisfies ReadonlyArray<{ name: keyof RiskInput; label: string }>;

/** What the category field offers: the categories in use first, then the usual ones not yet used. */
export function categoryChoices(inUse: readonly string[]): string[] {
  const seen = new Set(inUse.map((c) => c.toLowerCase()));
  return [...inUse, ...CATEGORY_SUGGESTIONS.filter((c) => !seen.has(c))];
}
