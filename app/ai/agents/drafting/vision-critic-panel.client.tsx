import { useMemo } from "react";
import { PanelFrame, type AiPanelProps } from "../../components/ai-action";
import { ProposalReview } from "../../components/proposal-review";
import { StructuredAgentRun } from "../../components/structured-agent-run.client";
import { useWorkspaceCorpus } from "../../use-workspace-corpus";
import { visionSources, visionText, type VisionSnapshot } from "./drafting-sources";
import { critiqueFindings, visionRevisionProposal } from "./proposals";
import { visionCritic, type VisionCritique } from "./vision-critic";

export interface VisionCriticProps {
  slug: string;
  vision: VisionSnapshot;
}

/** Vision critique (PRODUCT.md §4): read-only findings, and a revision that saves as a new version once accepted. */
export default function VisionCriticPanel({ props: { slug, vision }, onClose }: AiPanelProps<VisionCriticProps>) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const sources = useMemo(() => (corpus ? visionSources(corpus, vision, `/w/${slug}/vision`) : []), [corpus, vision, slug]);
  const names = useMemo(() => corpus?.transcripts.flatMap((t) => t.attendees) ?? [], [corpus]);
  return (
    <PanelFrame title="Critique the vision with AI" onClose={onClose}>
      {error ? <p role="alert">{error}</p> : null}
      {!corpus ? (
        <p className="text-zinc-500">Loading the workspace…</p>
      ) : (
        <StructuredAgentRun agent={visionCritic} sources={sources} names={names} renderPartial={(partial) => <PartialCritique partial={partial} />}>
          {(critique) => (
            <div className="space-y-6">
              <CritiquePoints critique={critique} vision={vision} />
              <ProposalReview title="Proposed revision" proposals={[visionRevisionProposal(slug, vision, critique)]} />
            </div>
          )}
        </StructuredAgentRun>
      )}
    </PanelFrame>
  );
}

function CritiquePoints({ critique, vision }: { critique: VisionCritique; vision: VisionSnapshot }) {
  return (
    <section aria-label="Critique" className="space-y-3">
      <h3 className="font-semibold">Critique</h3>
      <ul className="space-y-3">
        {critiqueFindings(critique, visionText(vision)).map((point, index) => (
          <li key={index} className="rounded-lg border border-zinc-300 p-3 dark:border-zinc-700">
            <blockquote className="border-l-2 border-zinc-300 pl-2 text-xs text-zinc-600 italic dark:border-zinc-700 dark:text-zinc-400">
              “{point.phrase}”
              {point.found ? null : (
                <span className="ml-1 font-medium text-amber-700 not-italic dark:text-amber-400">— not found in the vision</span>
              )}
            </blockquote>
            <p className="mt-1">{point.finding}</p>
            {point.suggestion ? <p className="mt-1 text-xs">Suggestion: {point.suggestion}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PartialCritique({ partial }: { partial: unknown }) {
  const points = (partial as Partial<VisionCritique>).critique ?? [];
  return (
    <ul className="space-y-1">
      {points.map((point, index) => (
        <li key={index} className="rounded border border-dashed border-zinc-300 px-2 py-1 dark:border-zinc-700">
          {point?.finding ?? "…"}
        </li>
      ))}
    </ul>
  );
}
