import { useMemo } from "react";
import { PanelFrame, type AiPanelProps } from "../components/ai-action";
import { ProposalReview, type Proposal } from "../components/proposal-review";
import { StructuredAgentRun } from "../components/structured-agent-run.client";
import { corpusSources, sourceById } from "../corpus-sources";
import { quoteAppearsIn, type DataSource } from "../prompt";
import { useWorkspaceCorpus } from "../use-workspace-corpus";
import { riskDraftProposal } from "./risk-proposal";
import { riskAnalyst, type ProposedRisk } from "./risk-analyst";

export interface RiskAnalystProps {
  slug: string;
}

/** Risk analyst (PRODUCT.md §4): reads initiatives, roadmap and transcripts, proposes risks to accept one by one. */
export default function RiskAnalystPanel({ props: { slug }, onClose }: AiPanelProps<RiskAnalystProps>) {
  const { corpus, error } = useWorkspaceCorpus(slug);
  const sources = useMemo(() => (corpus ? corpusSources(corpus, ["risks", "initiatives", "roadmap", "transcripts"]) : []), [corpus]);
  const names = useMemo(() => corpus?.transcripts.flatMap((t) => t.attendees) ?? [], [corpus]);
  return (
    <PanelFrame title="Find risks with AI" onClose={onClose}>
      {error ? <p role="alert">{error}</p> : null}
      {!corpus ? (
        <p className="text-zinc-500">Loading the workspace…</p>
      ) : (
        <StructuredAgentRun agent={riskAnalyst} sources={sources} names={names} renderPartial={(partial) => <PartialRisks partial={partial} />}>
          {(output) => <ProposalReview title="Proposed risks" proposals={output.risks.map((risk, index) => riskProposal(slug, risk, index, sources))} />}
        </StructuredAgentRun>
      )}
    </PanelFrame>
  );
}

function riskProposal(slug: string, risk: ProposedRisk, index: number, sources: readonly DataSource[]): Proposal {
  const evidence = risk.evidence[0];
  const source = evidence ? sourceById(sources, evidence.source) : undefined;
  return riskDraftProposal(slug, `risk-${index}`, risk, {
    quote: evidence ? { text: evidence.quote, found: Boolean(source && quoteAppearsIn(evidence.quote, source.text)) } : undefined,
    origin: source ? `from ${source.kind} “${source.title}”` : undefined,
  });
}

function PartialRisks({ partial }: { partial: unknown }) {
  const risks = (partial as { risks?: Partial<ProposedRisk>[] }).risks ?? [];
  return (
    <ul className="space-y-1">
      {risks.map((risk, index) => (
        <li key={index} className="rounded border border-dashed border-zinc-300 px-2 py-1 dark:border-zinc-700">
          {risk.title ?? "…"}
        </li>
      ))}
    </ul>
  );
}
