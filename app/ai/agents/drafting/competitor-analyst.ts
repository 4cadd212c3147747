import { z } from "zod";
import type { StructuredAgent } from "../../agent";
import { evidenceSchema } from "./evidence";

export const competitorAnalysisSchema = z.object({
  positioning: z.string().max(2000).describe("How the competitor positions itself, in one or two sentences"),
  strengths: z.array(z.string().max(300)).min(1).max(6),
  weaknesses: z.array(z.string().max(300)).min(1).max(6),
  pricing_notes: z.string().max(2000).describe("What is known of their pricing; say so when nothing is"),
  threat_level: z.enum(["low", "medium", "high"]),
  threat_reason: z.string().max(600).describe("Why this threat level, for this team"),
  evidence: z.array(evidenceSchema).max(3).describe("Passages of the data the analysis is grounded in"),
});

export type CompetitorAnalysis = z.infer<typeof competitorAnalysisSchema>;

export const competitorAnalyst: StructuredAgent<typeof competitorAnalysisSchema> = {
  name: "competitor-analyst",
  role: [
    "You are a competitive analyst for a product team. You write an analysis of one competitor: positioning,",
    "strengths, weaknesses, pricing notes and the threat it poses to this team (low, medium or high), grounded in the",
    "team's vision, personas, initiatives and meeting transcripts, and building on what the team already wrote about",
    "the competitor (the element with handle C0). Keep what the team wrote unless the data contradicts it. Do not",
    "invent prices or facts: when the data says nothing, say that. Cite up to three passages as evidence, quoted",
    "exactly with the handle of the element they came from.",
  ].join(" "),
  task: "Analyse the competitor C0 for this team.",
  schema: competitorAnalysisSchema,
  maxOutputTokens: 2_000,
  expectedOutputTokens: 800,
};
