import type { z } from "zod";
import type { AiAgentName } from "~/modules/usage/schema";

/** What defines a structured agent: its instructions, the shape of its answer and its output budget. */
export interface StructuredAgent<Schema extends z.ZodType> {
  /** Counted as the feature `ai.<name>` when a run starts: the name only, never the prompt or answer. */
  name: AiAgentName;
  /** The system prompt's role: who the model is and what it returns. */
  role: string;
  /** The user message before the quoted data. */
  task: string;
  schema: Schema;
  maxOutputTokens: number;
  /** For the estimate before the run. */
  expectedOutputTokens: number;
}
