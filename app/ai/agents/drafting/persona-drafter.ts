import { z } from "zod";
import type { StructuredAgent } from "../../agent";
import { evidenceSchema } from "./evidence";

export const personaDraftSchema = z.object({
  name: z.string().min(2).max(120).describe("A memorable persona name, e.g. “Fiona, finance admin”"),
  segment: z.string().max(200).describe("The segment or role, in a few words"),
  goals: z.array(z.string().max(300)).min(1).max(6).describe("What they want to achieve"),
  pains: z.array(z.string().max(300)).min(1).max(6).describe("What gets in their way today"),
  jobs_to_be_done: z.array(z.string().max(300)).min(1).max(6).describe("Jobs, as “When …, I want to …, so I can …”"),
  quote: z.string().max(300).describe("One sentence this persona could say, in their voice"),
  evidence: z.array(evidenceSchema).min(1).max(3).describe("Passages of the data this persona is grounded in"),
});

export type PersonaDraft = z.infer<typeof personaDraftSchema>;

export const PERSONA_HINT_MAX = 200;

const ROLE = [
  "You are a product researcher. You draft one user persona for a product team from a one-line hint, grounded in",
  "the team's vision, initiatives, existing personas and meeting transcripts: name, segment, goals, pains, jobs to",
  "be done and a quote in the persona's voice. Prefer what the data says over guesses, and cite one to three",
  "passages as evidence, quoted exactly with the handle of the element they came from. Do not duplicate a persona",
  "the team already has.",
].join(" ");

/** The persona drafter for one hint; the hint is the user's own request, so it is part of the task. */
export function personaDrafter(hint: string): StructuredAgent<typeof personaDraftSchema> {
  return {
    name: "persona-drafter",
    role: ROLE,
    task: `Draft one persona for: ${JSON.stringify(hint.trim().slice(0, PERSONA_HINT_MAX))}.`,
    schema: personaDraftSchema,
    maxOutputTokens: 2_000,
    expectedOutputTokens: 700,
  };
}
