import { Output, streamText, type LanguageModelUsage, type ModelMessage } from "ai";
import { z } from "zod";
import { createLanguageModel, type ProviderConfig } from "./language-model.client";
import type { AgentPrompt } from "./prompt";

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

interface RunOptions {
  config: ProviderConfig;
  signal: AbortSignal;
  maxOutputTokens: number;
}

/**
 * Streams a structured answer: `onPartial` sees the object as it grows, and the result is the
 * complete object validated against `schema` (the SDK throws when the model's JSON does not fit,
 * so nothing half-valid is ever offered for saving). Retries are the user's choice, not the SDK's:
 * a rate limit shows its wait instead of hanging.
 */
export async function runStructuredAgent<Schema extends z.ZodType>(
  { config, signal, maxOutputTokens }: RunOptions,
  prompt: AgentPrompt,
  schema: Schema,
  onPartial: (partial: unknown) => void,
): Promise<{ output: z.infer<Schema>; usage: Usage }> {
  let failure: unknown;
  const result = streamText({
    model: createLanguageModel(config),
    system: config.provider === "groq" ? withSchemaInPrompt(prompt.system, schema) : prompt.system,
    prompt: prompt.prompt,
    output: Output.object({ schema }),
    abortSignal: signal,
    maxOutputTokens,
    maxRetries: 0,
    onError: ({ error }) => {
      failure ??= error;
    },
  });
  try {
    for await (const partial of result.partialOutputStream) onPartial(partial);
    const output = (await result.output) as z.infer<Schema>;
    return { output, usage: toUsage(await result.totalUsage) };
  } catch (error) {
    throw failure ?? error;
  }
}

/** Streams plain text (the workspace chat); `onText` gets the whole text so far. */
export async function runTextAgent(
  { config, signal, maxOutputTokens }: RunOptions,
  system: string,
  messages: ModelMessage[],
  onText: (text: string) => void,
): Promise<{ text: string; usage: Usage }> {
  let failure: unknown;
  const result = streamText({
    model: createLanguageModel(config),
    system,
    messages,
    abortSignal: signal,
    maxOutputTokens,
    maxRetries: 0,
    onError: ({ error }) => {
      failure ??= error;
    },
  });
  let text = "";
  try {
    for await (const delta of result.textStream) {
      text += delta;
      onText(text);
    }
    if (failure) throw failure;
    return { text, usage: toUsage(await result.totalUsage) };
  } catch (error) {
    throw failure ?? error;
  }
}

/**
 * Groq's JSON mode takes no schema (the SDK sends `json_object` only), so the model learns the
 * shape from the prompt; the answer is still validated against the schema.
 */
function withSchemaInPrompt(system: string, schema: z.ZodType): string {
  return `${system}\n\nAnswer with one JSON object only, matching this JSON Schema:\n${JSON.stringify(z.toJSONSchema(schema))}`;
}

function toUsage(usage: LanguageModelUsage): Usage {
  return { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 };
}
