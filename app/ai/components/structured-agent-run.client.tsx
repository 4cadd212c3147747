import { useCallback, useRef, useState, type ReactNode } from "react";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { reportAgentRun } from "~/modules/usage/report-usage";
import type { StructuredAgent } from "../agent";
import type { ProviderConfig } from "../language-model.client";
import { restorePlaceholders } from "../personal-data";
import { diagnoseProblem } from "../diagnose-problem";
import type { ProviderProblem } from "../provider-errors";
import type { DataSource } from "../prompt";
import { PROVIDERS } from "../providers";
import { runStructuredAgent, type Usage } from "../run-agent.client";
import { useOutgoingPrompt } from "../use-outgoing-prompt";
import { ProblemNotice } from "./problem-notice";
import { ProviderChoice } from "./provider-choice.client";
import { SendPreview } from "./send-preview";
import { UsageLine } from "./usage-line";

type Phase<Output> =
  | { name: "setup" }
  | { name: "running"; partial: unknown }
  | { name: "stopped"; partial: unknown }
  | { name: "failed"; problem: ProviderProblem }
  | { name: "done"; output: Output; usage: Usage; model: string };

/**
 * One run of a structured agent, start to review: provider choice, the preview of what leaves the
 * browser, a streamed run with a Stop button, the real usage, and — only for a complete answer that
 * passed the schema — the review, which `children` renders.
 */
export function StructuredAgentRun<Schema extends z.ZodType>({
  agent,
  sources,
  names = [],
  renderPartial,
  children,
}: {
  agent: StructuredAgent<Schema>;
  sources: readonly DataSource[];
  names?: readonly string[];
  renderPartial?: (partial: unknown) => ReactNode;
  children: (output: z.infer<Schema>) => ReactNode;
}) {
  const [config, setConfig] = useState<ProviderConfig | null>(null);
  const [phase, setPhase] = useState<Phase<z.infer<Schema>>>({ name: "setup" });
  const controller = useRef<AbortController | null>(null);
  const outgoing = useOutgoingPrompt(agent, sources, names, config?.model ?? "");

  const run = useCallback(async () => {
    if (!config) return;
    const abort = new AbortController();
    controller.current = abort;
    let partial: unknown = null;
    setPhase({ name: "running", partial });
    reportAgentRun(agent.name);
    const placeholders = outgoing.redaction.placeholders;
    try {
      const { output, usage } = await runStructuredAgent(
        { config, signal: abort.signal, maxOutputTokens: agent.maxOutputTokens },
        outgoing.prompt,
        agent.schema,
        (next) => {
          partial = restorePlaceholders(next, placeholders);
          setPhase({ name: "running", partial });
        },
      );
      setPhase({ name: "done", output: restorePlaceholders(output, placeholders), usage, model: config.model });
    } catch (error) {
      if (abort.signal.aborted) return setPhase({ name: "stopped", partial });
      setPhase({ name: "failed", problem: await diagnoseProblem(error, config) });
    }
  }, [agent, config, outgoing]);

  const destination = config ? `${PROVIDERS[config.provider].label} (${config.model})` : null;
  return (
    <div className="space-y-4">
      {phase.name === "setup" || phase.name === "failed" || phase.name === "stopped" ? (
        <>
          <ProviderChoice onChange={setConfig} />
          <SendPreview outgoing={outgoing} destination={destination} />
        </>
      ) : null}
      {phase.name === "failed" ? <ProblemNotice problem={phase.problem} onRetry={() => void run()} /> : null}
      {phase.name === "stopped" ? (
        <p role="status" className="rounded-md bg-zinc-100 p-3 dark:bg-zinc-900">
          Stopped. Nothing was saved; run again when you are ready.
        </p>
      ) : null}
      {phase.name === "setup" || phase.name === "stopped" ? (
        <Button type="button" disabled={!config} onClick={() => void run()}>
          {phase.name === "stopped" ? "Run again" : "Run"}
        </Button>
      ) : null}
      {phase.name === "running" ? (
        <div className="space-y-3">
          <div className="flex items-center justify-between gap-3">
            <p role="status" className="flex items-center gap-2">
              <span className="inline-block size-2 animate-pulse rounded-full bg-accent-600" aria-hidden="true" />
              Streaming from {destination}…
            </p>
            <Button type="button" variant="danger" size="sm" onClick={() => controller.current?.abort()}>
              Stop
            </Button>
          </div>
          {renderPartial && phase.partial ? <div aria-live="polite">{renderPartial(phase.partial)}</div> : null}
        </div>
      ) : null}
      {phase.name === "stopped" && renderPartial && phase.partial ? <div className="opacity-60">{renderPartial(phase.partial)}</div> : null}
      {phase.name === "done" ? (
        <>
          <UsageLine usage={phase.usage} model={phase.model} />
          {children(phase.output)}
        </>
      ) : null}
    </div>
  );
}
