import { estimateCost, formatCost } from "../pricing";
import type { Usage } from "../run-agent.client";

/** The real usage the provider reported, after a run. */
export function UsageLine({ usage, model }: { usage: Usage; model: string }) {
  return (
    <p data-testid="usage" className="text-xs text-zinc-600 dark:text-zinc-400">
      Used {usage.inputTokens.toLocaleString("en")} tokens in and {usage.outputTokens.toLocaleString("en")} out on {model} ·{" "}
      {formatCost(estimateCost(model, usage.inputTokens, usage.outputTokens))}
    </p>
  );
}
