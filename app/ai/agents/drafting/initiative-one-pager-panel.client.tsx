import { useMemo } from "react";
import { PanelFrame, type AiPanelProps } from "../../components/ai-action";
import { ProposalReview } from "../../components/proposal-review";
import { StructuredAgentRun } from "../../components/structured-agent-run.client";
import { useWorkspaceCorpus } from "../../use-workspace-corpus";
import { initiativeSources, type InitiativeSnapshot } from "./drafting-sources";
import { initiativeOnePager, type OnePager } from "./initiative-one-pager";
import { onePagerProposal } from "./proposals";

export interface InitiativeOnePagerProps {
  slug: string;
  initiative: InitiativeSnapshot;
}

/** Initiative one-pager (PRODUCT.md §4): accepting replaces the initiative's problem and description. */
export default function InitiativeOnePagerPanel({ props: { slug, initiative }, onClose }: AiPanelProps<InitiativeOnePagerProps>) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const sources = useMemo(() => (corpus ? initiativeSources(corpus, initiative, `/w/${slug}/initiatives/${initiative.id}`) : []), [corpus, initiative, slug]);
  const names = useMemo(() => corpus?.transcripts.flatMap((t) => t.attendees) ?? [], [corpus]);
  return (
    <PanelFrame title="Write a one-pager with AI" onClose={onClose}>
      {error ? <p role="alert">{error}</p> : null}
      {!corpus ? (
        <p className="text-zinc-500">Loading the workspace…</p>
      ) : (
        <StructuredAgentRun agent={initiativeOnePager} sources={sources} names={names} renderPartial={(partial) => <PartialOnePager partial={partial} />}>
          {(onePager) => <ProposalReview title="Proposed one-pager" proposals={[onePagerProposal(slug, initiative, onePager, sources)]} />}
        </StructuredAgentRun>
      )}
    </PanelFrame>
  );
}

function PartialOnePager({ partial }: { partial: unknown }) {
  const onePager = partial as Partial<OnePager>;
  return (
    <div className="space-y-1 rounded border border-dashed border-zinc-300 px-2 py-1 dark:border-zinc-700">
      <p>{onePager.problem ?? "…"}</p>
      {onePager.proposed_solution ? <p className="text-zinc-500">{onePager.proposed_solution}</p> : null}
    </div>
  );
}
