import type { z } from "zod";

/** What defines a structured agent: its instructions, the shape of its answer and its output budget. */
export interface StructuredAgent<Schema extends z.ZodType> {
  /** The system prompt's role: who the model is and what it returns. */
  role: string;
  /** The user message before the quoted data. */
  task: string;
  schema: Schema;
  maxOutputTokens: number;
  /** For the estimate before the run. */
  expectedOutputTokens: number;
}
