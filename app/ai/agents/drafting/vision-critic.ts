import { z } from "zod";
import type { StructuredAgent } from "../../agent";

const critiquePointSchema = z.object({
  phrase: z.string().max(300).describe("The exact phrase of the vision this point is about"),
  finding: z.string().max(800).describe("What is weak, vague, inconsistent or missing, and why it matters"),
  suggestion: z.string().max(600).describe("How to fix it"),
});

export const visionCritiqueSchema = z.object({
  critique: z.array(critiquePointSchema).min(1).max(8),
  revision: z.object({
    statement: z.string().min(1).max(1000),
    mission: z.string().max(2000),
    target_customers: z.string().max(5000),
    principles: z.string().max(5000),
    north_star_metric: z.string().max(500),
    rationale: z.string().max(800).describe("What the revision changes, in a sentence or two"),
  }),
});

export type VisionCritique = z.infer<typeof visionCritiqueSchema>;
export type CritiquePoint = z.infer<typeof critiquePointSchema>;

export const visionCritic: StructuredAgent<typeof visionCritiqueSchema> = {
  name: "vision-critic",
  role: [
    "You are a product strategy coach. You critique a product team's vision (the element with handle V1): vague or",
    "unmeasurable wording, claims the initiatives, personas or transcripts do not support, principles that conflict,",
    "a north-star metric that does not measure the vision. Each critique point names the exact phrase of the vision",
    "it is about. Then propose a revised vision with the same five fields (statement, mission, target customers,",
    "principles, north-star metric), keeping what works and the team's voice.",
  ].join(" "),
  task: "Critique the vision V1 and propose a revision.",
  schema: visionCritiqueSchema,
  maxOutputTokens: 3_000,
  expectedOutputTokens: 1_400,
};
