import { z } from "zod";
import { optionalText, quarterField, requiredText, versionField } from "../product-fields";
import { detectLink } from "./links";
import { frameworkInputs, isOnScale, SCORE_INPUTS, type Framework, type ScoreInput, type ScoreInputName } from "./scoring";
import { STATUS_LABELS, STATUSES } from "./status";

export { STATUS_LABELS, STATUSES };

export const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

export const statusField = z.enum(STATUSES, { error: "Choose a status." });

export const LIMITS = { title: 200, problem: 5000, description: 20000 } as const;

export const TAG_MAX = 40;
export const TAGS_MAX = 20;

/** "Payments, Growth ,payments" → ["payments", "growth"]: trimmed, lowercase, each once. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;]/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Tags as stored: the form reads them from comma-separated text, the workspace import as a list. */
export const tagList = z.array(z.string().max(TAG_MAX, `Keep each tag under ${TAG_MAX} characters.`)).max(TAGS_MAX, `Use at most ${TAGS_MAX} tags.`);

const tagsField = z.string().default("").transform(parseTags).pipe(tagList);

/** One score input on its scale, with the scale's own message. */
export function scoreValue(input: ScoreInput) {
  return z.number({ error: `Enter a number. ${input.error}` }).refine((value) => isOnScale(input, value), input.error);
}

/** The form leaves an input it does not show, or one left empty, out. */
function scoreInputField(input: ScoreInput) {
  return scoreValue(input).optional();
}

function scoreFields(framework: Framework) {
  return Object.fromEntries(frameworkInputs(framework).map((input) => [input.name, scoreInputField(input)])) as Record<
    ScoreInputName,
    ReturnType<typeof scoreInputField>
  >;
}

/** The fields whose values the initiative itself holds (the others refer to members and personas). */
export const initiativeContentFields = {
  title: requiredText(LIMITS.title, "Give the initiative a title."),
  problem: optionalText(LIMITS.problem),
  description: optionalText(LIMITS.description),
  status: statusField.default("idea"),
  target_quarter: quarterField,
};

const baseFields = {
  ...initiativeContentFields,
  owner_id: z.uuid({ error: "Choose a member of this workspace." }).optional(),
  personas: z.array(z.uuid({ error: "Choose personas of this workspace." })).max(50, "Choose at most 50 personas.").default([]),
  tags: tagsField,
};

/** The form holds the score inputs of the workspace's framework only; the others stay as stored. */
export function initiativeSchema(framework: Framework) {
  return z.object({ ...baseFields, ...scoreFields(framework) });
}

export function updateInitiativeSchema(framework: Framework) {
  return initiativeSchema(framework).extend({ version: versionField });
}

export type InitiativeInput = z.infer<ReturnType<typeof initiativeSchema>>;

/** The fields a conflict compares, in form order. */
export function conflictFields(framework: Framework) {
  return [
    { name: "title", label: "Title" },
    { name: "problem", label: "Problem" },
    { name: "description", label: "Description" },
    { name: "status", label: "Status" },
    { name: "owner_id", label: "Owner" },
    { name: "personas", label: "Personas" },
    { name: "tags", label: "Tags" },
    { name: "target_quarter", label: "Target quarter" },
    ...frameworkInputs(framework).map((input) => ({ name: input.name, label: SCORE_INPUTS[input.name].label })),
  ];
}

/** An issue link's address: https, and recognisably a Jira, Linear or GitHub issue (links.ts). */
export const issueLinkAddress = z
  .string({ error: "Paste the full address, starting with https://" })
  .trim()
  .max(2000, "That address is too long.")
  .superRefine((address, context) => {
    const link = detectLink(address);
    if ("error" in link) context.addIssue({ code: "custom", message: link.error });
  });

export const linkSchema = z.object({
  intent: z.literal("add-link"),
  url: issueLinkAddress,
});
