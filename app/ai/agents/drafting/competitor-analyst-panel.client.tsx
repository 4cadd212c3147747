import { useMemo } from "react";
import { PanelFrame, type AiPanelProps } from "../../components/ai-action";
import { ProposalReview } from "../../components/proposal-review";
import { StructuredAgentRun } from "../../components/structured-agent-run.client";
import { useWorkspaceCorpus } from "../../use-workspace-corpus";
import { competitorAnalyst, type CompetitorAnalysis } from "./competitor-analyst";
import { competitorSources, type CompetitorSnapshot } from "./drafting-sources";
import { competitorProposal } from "./proposals";

export interface CompetitorAnalystProps {
  slug: string;
  competitor: CompetitorSnapshot;
}

/** Competitor analysis (PRODUCT.md §4): builds on what the team wrote; accepting saves over the competitor. */
export default function CompetitorAnalystPanel({ props: { slug, competitor }, onClose }: AiPanelProps<CompetitorAnalystProps>) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const sources = useMemo(() => (corpus ? competitorSources(corpus, competitor, `/w/${slug}/competitors/${competitor.id}`) : []), [corpus, competitor, slug]);
  const names = useMemo(() => corpus?.transcripts.flatMap((t) => t.attendees) ?? [], [corpus]);
  return (
    <PanelFrame title={`Analyse ${competitor.name} with AI`} onClose={onClose}>
      {error ? <p role="alert">{error}</p> : null}
      {!corpus ? (
        <p className="text-zinc-500">Loading the workspace…</p>
      ) : (
        <StructuredAgentRun agent={competitorAnalyst} sources={sources} names={names} renderPartial={(partial) => <PartialAnalysis partial={partial} />}>
          {(analysis) => <ProposalReview title="Proposed analysis" proposals={[competitorProposal(slug, competitor, analysis, sources)]} />}
        </StructuredAgentRun>
      )}
    </PanelFrame>
  );
}

function PartialAnalysis({ partial }: { partial: unknown }) {
  const analysis = partial as Partial<CompetitorAnalysis>;
  return <p className="rounded border border-dashed border-zinc-300 px-2 py-1 dark:border-zinc-700">{analysis.positioning ?? "…"}</p>;
}
