import { z } from "zod";
import type { WorkspaceCorpus } from "../workspace-corpus";
import { corpusSources } from "../corpus-sources";
import type { StructuredAgent } from "../agent";
import type { DataSource } from "../prompt";

const cites = z
  .array(z.string().describe("A handle of a workspace_data element, e.g. V1, P2, I3"))
  .min(1)
  .max(4)
  .describe("The handles this recommendation relies on");
const quote = z.string().max(400).describe("An exact passage from the first cited element, or an empty string");

const riceEstimateSchema = z.object({
  initiative: z.string().describe("The handle of the initiative, e.g. I3"),
  reach: z.number().int().min(0).max(1_000_000_000).describe("People or events per quarter"),
  reachReason: z.string().max(400),
  impact: z.number().describe("Per person reached, one of 3 (massive), 2 (high), 1 (medium), 0.5 (low), 0.25 (minimal)"),
  impactReason: z.string().max(400),
  confidence: z.number().int().min(0).max(100).describe("Percent: 100 high, 80 medium, 50 low"),
  confidenceReason: z.string().max(400),
  effort: z.number().min(0).max(1000).describe("Person-months of work from everyone involved, more than 0"),
  effortReason: z.string().max(400),
  cites,
  quote,
});

const sequencingSchema = z.object({
  item: z.string().describe("The handle of the roadmap item, e.g. M2"),
  lane: z.enum(["now", "next", "later"]),
  reason: z.string().max(600),
  cites,
  quote,
});

const gapSchema = z.object({
  title: z.string().min(3).max(200).describe("A short name for the missing initiative"),
  problem: z.string().max(1000).describe("The customer problem it solves"),
  why: z.string().max(1000).describe("Why the vision or a persona calls for it, and why nothing planned covers it"),
  cites,
  quote,
});

export const recommendationsSchema = z.object({
  estimates: z.array(riceEstimateSchema).max(10),
  sequencing: z.array(sequencingSchema).max(10),
  gaps: z.array(gapSchema).max(5),
});

export type RiceEstimate = z.infer<typeof riceEstimateSchema>;
export type SequencingAdvice = z.infer<typeof sequencingSchema>;
export type Gap = z.infer<typeof gapSchema>;
export type Recommendations = z.infer<typeof recommendationsSchema>;

export const recommendationsAgent: StructuredAgent<typeof recommendationsSchema> = {
  name: "recommendations",
  role: [
    "You are a product strategy advisor. You read a product team's vision, personas, competitors, initiatives",
    "(with their status and current RICE inputs) and roadmap lanes, and give three kinds of advice.",
    "1. estimates: RICE inputs for initiatives whose inputs are missing or look wrong — reach (people or events",
    "per quarter), impact (exactly one of 3, 2, 1, 0.5, 0.25), confidence (percent) and effort (person-months,",
    "more than 0) — each with a one-sentence reason grounded in the data.",
    "2. sequencing: roadmap items that belong in another lane (now, next or later), with the reason; only items",
    "whose lane should change.",
    "3. gaps: initiatives the team is missing to serve its vision and personas, citing the vision or persona.",
    "Refer to initiatives and roadmap items only by their handles (I3, M2). Every item cites the handles it",
    "relies on and, where it can, quotes one exact passage from the first of them. Never invent a handle.",
  ].join(" "),
  task: "Advise this workspace: up to ten RICE estimates, up to ten lane changes and up to five gaps, most valuable first.",
  schema: recommendationsSchema,
  maxOutputTokens: 8_000,
  expectedOutputTokens: 3_000,
};

const percent = (value: number | null) => (value === null ? "missing" : `${value}%`);
const plain = (value: number | null, unit = "") => (value === null ? "missing" : `${value}${unit}`);

/**
 * The corpus as the advisor reads it. Initiatives carry their status and current RICE inputs, and
 * roadmap items the handle of their initiative, so estimates and lanes can be judged against them.
 */
export function recommendationSources(corpus: WorkspaceCorpus): DataSource[] {
  const sources = corpusSources(corpus, ["vision", "personas", "initiatives", "roadmap", "competitors"]);
  const initiativeHandles = new Map(
    corpus.initiatives.map((initiative, index) => [initiative.id, `I${index + 1}`] as const).filter(([, handle]) => sources.some((s) => s.id === handle)),
  );
  return sources.map((source) => {
    const initiative = handleTarget(corpus, sources, "initiatives", source.id);
    if (initiative) {
      const { reach, impact, confidence, effort } = initiative.rice;
      const rice = `Current RICE inputs: reach ${plain(reach)}, impact ${plain(impact)}, confidence ${percent(confidence)}, effort ${plain(effort, " person-months")}`;
      return { ...source, text: [source.text, `Status: ${initiative.status}`, rice].filter(Boolean).join("\n") };
    }
    const item = handleTarget(corpus, sources, "roadmap", source.id);
    const linked = item?.initiativeId ? initiativeHandles.get(item.initiativeId) : undefined;
    return linked ? { ...source, text: `${source.text}\nInitiative: ${linked}` } : source;
  });
}

const PREFIX = { initiatives: "I", roadmap: "M", personas: "P", competitors: "C" } as const;

/**
 * The corpus item a handle names, if it is of that kind and was sent to the model (the character
 * budget may have left it out, and a model may invent handles).
 */
export function handleTarget<Kind extends keyof typeof PREFIX>(
  corpus: WorkspaceCorpus,
  sources: readonly DataSource[],
  kind: Kind,
  handle: string,
): WorkspaceCorpus[Kind][number] | undefined {
  const clean = handle.trim().replace(/^\[|\]$/g, "");
  const match = new RegExp(`^${PREFIX[kind]}(\\d+)$`).exec(clean);
  if (!match || !sources.some((source) => source.id === clean)) return undefined;
  return corpus[kind][Number(match[1]) - 1];
}
