import { z } from "zod";
import type { StructuredAgent } from "../../agent";

export const onePagerSchema = z.object({
  problem: z.string().min(1).max(2000).describe("The problem, for whom, and the evidence it is real"),
  proposed_solution: z.string().min(1).max(4000),
  target_personas: z
    .array(z.object({ handle: z.string().describe("The persona's handle, e.g. P2"), why: z.string().max(300) }))
    .max(4),
  success_metrics: z.array(z.string().max(300)).min(1).max(5),
  risks: z.array(z.string().max(300)).max(5),
  open_questions: z.array(z.string().max(300)).max(5),
});

export type OnePager = z.infer<typeof onePagerSchema>;

export const initiativeOnePager: StructuredAgent<typeof onePagerSchema> = {
  name: "initiative-one-pager",
  role: [
    "You are a product manager writing a one-page brief for one initiative (the element with handle I0): the",
    "problem, the proposed solution, the target personas (by their handles, P1, P2…, only personas present in the",
    "data), measurable success metrics, risks and open questions. Ground it in the vision, personas, transcripts and",
    "what the team already wrote about the initiative; keep its decisions, and list what is unknown as open questions",
    "rather than inventing it.",
  ].join(" "),
  task: "Write the one-pager for initiative I0.",
  schema: onePagerSchema,
  maxOutputTokens: 3_000,
  expectedOutputTokens: 1_200,
};
