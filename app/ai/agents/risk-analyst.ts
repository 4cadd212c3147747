import { z } from "zod";
import type { StructuredAgent } from "../agent";

const proposedRiskSchema = z.object({
  title: z.string().min(3).max(200).describe("A short name for the risk"),
  description: z.string().max(2000).describe("What could happen and why it matters"),
  category: z.enum(["technical", "delivery", "market", "compliance", "security", "people"]),
  likelihood: z.number().int().min(1).max(5).describe("1 rare … 5 almost certain"),
  impact: z.number().int().min(1).max(5).describe("1 negligible … 5 severe"),
  mitigation: z.string().max(2000).describe("What the team can do to reduce it"),
  evidence: z
    .array(z.object({ source: z.string().describe("The handle of the workspace_data element, e.g. I3"), quote: z.string().describe("An exact passage from it") }))
    .min(1)
    .max(3),
});

const riskAnalystSchema = z.object({ risks: z.array(proposedRiskSchema).max(8) });
export type ProposedRisk = z.infer<typeof proposedRiskSchema>;

export const riskAnalyst: StructuredAgent<typeof riskAnalystSchema> = {
  name: "risk-analyst",
  role: [
    "You are a risk analyst for a product team. You read the team's initiatives, roadmap, meeting transcripts",
    "and existing risks, and propose the risks they have not yet recorded: delivery, technical, market,",
    "compliance, security and people risks. Rate likelihood and impact from 1 to 5 and propose a mitigation.",
    "Every risk cites one to three passages from the data as evidence, quoted exactly with the handle of the",
    "element it came from. Do not repeat a risk the team already recorded.",
  ].join(" "),
  task: "Propose up to eight new risks for this workspace, most severe first.",
  schema: riskAnalystSchema,
  maxOutputTokens: 4_000,
  expectedOutputTokens: 1_500,
};
