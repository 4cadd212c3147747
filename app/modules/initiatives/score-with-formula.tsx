import { computeScore, missingHint, type Framework, type ScoreValues } from "./scoring";

/**
 * A score never travels without its formula (PRODUCT.md §3): "RICE 42 = 2,000 × 2 × 80% ÷ 76", or
 * "RICE — needs effort" while an input is missing.
 */
export function ScoreWithFormula({ framework, values, compact = false }: { framework: Framework; values: ScoreValues; compact?: boolean }) {
  const score = computeScore(framework, values);
  const size = compact ? "text-xs" : "text-sm";
  if (score.value === null) {
    return (
      <span className={`${size} inline-flex flex-wrap items-baseline gap-x-1.5`}>
        <span className="font-semibold text-zinc-500 dark:text-zinc-400">{score.name} —</span>
        <span className="text-xs text-amber-700 dark:text-amber-400">{missingHint(score)}</span>
      </span>
    );
  }
  return (
    <span className={`${size} inline-flex flex-wrap items-baseline gap-x-1.5`}>
      <span className="font-semibold tabular-nums">
        {score.name} {score.display}
      </span>
      <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">= {score.formula}</span>
    </span>
  );
}
