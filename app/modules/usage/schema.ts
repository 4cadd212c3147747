import { z } from "zod";

/** The AI agents the browser reports by name when one runs: the name only, never a prompt, key or answer. */
const AI_AGENTS = [
  "chat",
  "risk-analyst",
  "recommendations",
  "transcript-summariser",
  "competitor-analyst",
  "initiative-one-pager",
  "vision-critic",
  "persona-drafter",
] as const;
export type AiAgentName = (typeof AI_AGENTS)[number];

/** The browser reporter's bodies are small; anything larger is not ours. */
export const MAX_USAGE_BODY_BYTES = 4096;

/** Remix route ids as the browser knows them (`routes/w.$slug.risks._index`); never an address. */
const routeId = z.string().regex(/^(root|routes\/[\w$.()[\]/-]{1,150})$/, "Not a route id");

/** What `POST /usage` accepts from our own pages (app/modules/usage/usage-reporter.tsx). */
export const usageReportSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("page_view"), routeId, slug: z.string().max(100).optional() }).strict(),
  z.object({ kind: z.literal("feature"), name: z.enum(AI_AGENTS.map((agent) => `ai.${agent}` as const)), slug: z.string().max(100).optional() }).strict(),
  z
    .object({
      kind: z.literal("error"),
      routeId,
      slug: z.string().max(100).optional(),
      message: z.string().trim().min(1).max(1000),
    })
    .strict(),
]);
export type UsageReport = z.infer<typeof usageReportSchema>;

/** The periods the usage page offers, in days (its GET form, so the browser needs them too). */
export const USAGE_PERIODS = [7, 30, 90] as const;
export type UsagePeriod = (typeof USAGE_PERIODS)[number];
