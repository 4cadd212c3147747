import { buttonClass } from "~/components/ui/button";
import type { ProviderProblem } from "../provider-errors";

/** A failed run: what happened, what to do, and a retry where one can help. */
export function ProblemNotice({ problem, onRetry }: { problem: ProviderProblem; onRetry?: () => void }) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-red-950 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <p className="font-semibold">{problem.title}</p>
      <p>{problem.message}</p>
      <p className="text-sm">
        <span className="font-medium">Fix: </span>
        {problem.fix}
      </p>
      {onRetry ? (
        <button type="button" className={buttonClass("secondary", "sm")} onClick={onRetry}>
          {problem.retryAfterSeconds ? `Retry (wait ${problem.retryAfterSeconds} s)` : "Retry"}
        </button>
      ) : null}
    </div>
  );
}
