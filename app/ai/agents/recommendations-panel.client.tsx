import { useMemo } from "react";
import type { WorkspaceCorpus } from "../workspace-corpus";
import { PanelFrame, type AiPanelProps } from "../components/ai-action";
import { ProposalReview } from "../components/proposal-review";
import { StructuredAgentRun } from "../components/structured-agent-run.client";
import type { DataSource } from "../prompt";
import { useWorkspaceCorpus } from "../use-workspace-corpus";
import { recommendationProposals } from "./recommendation-proposals";
import { recommendationsAgent, recommendationSources, type Recommendations } from "./recommendations";

export interface RecommendationsProps {
  slug: string;
}

/**
 * Recommendations (PRODUCT.md §4): RICE estimates with reasons, lane changes for the roadmap and
 * initiatives missing against the vision and personas, each reviewed on its own.
 */
export default function RecommendationsPanel({ props: { slug }, onClose }: AiPanelProps<RecommendationsProps>) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const sources = useMemo(() => (corpus ? recommendationSources(corpus) : []), [corpus]);
  return (
    <PanelFrame title="Recommendations" onClose={onClose}>
      {error ? <p role="alert">{error}</p> : null}
      {!corpus ? (
        <p className="text-zinc-500">Loading the workspace…</p>
      ) : (
        <StructuredAgentRun agent={recommendationsAgent} sources={sources} renderPartial={(partial) => <PartialAdvice partial={partial} />}>
          {(output) => <Review slug={slug} corpus={corpus} sources={sources} output={output} />}
        </StructuredAgentRun>
      )}
    </PanelFrame>
  );
}

function Review({ slug, corpus, sources, output }: { slug: string; corpus: WorkspaceCorpus; sources: readonly DataSource[]; output: Recommendations }) {
  const review = useMemo(() => recommendationProposals(slug, corpus, sources, output), [slug, corpus, sources, output]);
  return (
    <div className="space-y-6">
      <ProposalReview title="RICE estimates" proposals={review.estimates} />
      <ProposalReview title="Roadmap sequencing" proposals={review.sequencing} />
      <ProposalReview title="Gaps against the vision and personas" proposals={review.gaps} />
      {review.notes.length > 0 ? (
        <section aria-label="Left out" className="text-xs text-zinc-600 dark:text-zinc-400">
          <h3 className="font-semibold">Left out</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-4">
            {review.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function PartialAdvice({ partial }: { partial: unknown }) {
  const advice = partial as Partial<{ estimates: unknown[]; sequencing: unknown[]; gaps: Partial<{ title: string }>[] }>;
  return (
    <ul className="space-y-1 text-zinc-600 dark:text-zinc-400">
      <li>RICE estimates: {advice.estimates?.length ?? 0}</li>
      <li>Lane changes: {advice.sequencing?.length ?? 0}</li>
      <li>
        Gaps: {advice.gaps?.length ?? 0}
        {advice.gaps?.length ? ` — ${advice.gaps.map((gap) => gap.title ?? "…").join(", ")}` : ""}
      </li>
    </ul>
  );
}
