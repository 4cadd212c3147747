import { useMemo, useState } from "react";
import { createRedaction, findPersonalData, type PersonalDataFinding, type Redaction } from "./personal-data";
import { estimateCost, estimateTokens } from "./pricing";
import { buildPrompt, findInstructionLikeText, type AgentPrompt, type DataSource } from "./prompt";

export interface OutgoingPrompt {
  prompt: AgentPrompt;
  findings: PersonalDataFinding[];
  redacted: ReadonlySet<string>;
  toggle: (finding: PersonalDataFinding) => void;
  redactAll: () => void;
  redaction: Redaction;
  instructionLike: string[];
  estimate: { inputTokens: number; outputTokens: number; cost: number | null };
}

export const findingKey = (finding: PersonalDataFinding) => `${finding.kind}:${finding.value.toLowerCase()}`;

/**
 * Exactly what a run will send, recomputed as the user redacts: the preview shows this text, and
 * the run sends this same object, so what the user approved is what leaves the browser.
 */
export function useOutgoingPrompt(
  agent: { role: string; task: string; expectedOutputTokens: number },
  sources: readonly DataSource[],
  names: readonly string[],
  model: string,
): OutgoingPrompt {
  const findings = useMemo(() => findPersonalData(sources.flatMap((s) => [s.title, s.text]), names), [sources, names]);
  const [redacted, setRedacted] = useState<ReadonlySet<string>>(new Set());
  const redaction = useMemo(() => createRedaction(findings.filter((f) => redacted.has(findingKey(f)))), [findings, redacted]);
  const prompt = useMemo(
    () =>
      buildPrompt(
        agent.role,
        agent.task,
        sources.map((source) => ({ ...source, title: redaction.apply(source.title), text: redaction.apply(source.text) })),
      ),
    [agent.role, agent.task, sources, redaction],
  );
  const instructionLike = useMemo(() => findInstructionLikeText(sources.map((s) => s.text)), [sources]);
  const inputTokens = estimateTokens(prompt.system + prompt.prompt);
  return {
    prompt,
    findings,
    redacted,
    toggle: (finding) =>
      setRedacted((current) => {
        const next = new Set(current);
        if (!next.delete(findingKey(finding))) next.add(findingKey(finding));
        return next;
      }),
    redactAll: () => setRedacted(new Set(findings.map(findingKey))),
    redaction,
    instructionLike,
    estimate: { inputTokens, outputTokens: agent.expectedOutputTokens, cost: estimateCost(model, inputTokens, agent.expectedOutputTokens) },
  };
}
