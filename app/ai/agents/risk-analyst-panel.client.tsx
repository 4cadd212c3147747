import { useMemo } from "react";
import { PanelFrame, type AiPanelProps } from "../components/ai-action";
import { ProposalReview, type Proposal } from "../components/proposal-review";
import { StructuredAgentRun } from "../components/structured-agent-run.client";
import { corpusSources, sourceById } from "../corpus-sources";
import { quoteAppearsIn, type DataSource } from "../prompt";
import { useWorkspaceCorpus } from "../use-workspace-corpus";
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

export function riskProposal(slug: string, risk: ProposedRisk, index: number, sources: readonly DataSource[], hidden: Record<string, string> = {}): Proposal {
  const evidence = risk.evidence[0];
  const source = evidence ? sourceById(sources, evidence.source) : undefined;
  return {
    key: `risk-${index}`,
    kind: "Risk",
    title: risk.title,
    body: (
      <>
        <p>{risk.description}</p>
        <p className="mt-1 text-xs text-zinc-500">
          Likelihood {risk.likelihood}/5 · impact {risk.impact}/5 · {risk.category}
          {source ? ` · from ${source.kind} “${source.title}”` : ""}
        </p>
        {risk.mitigation ? <p className="mt-1 text-xs">Mitigation: {risk.mitigation}</p> : null}
      </>
    ),
    quote: evidence ? { text: evidence.quote, found: Boolean(source && quoteAppearsIn(evidence.quote, source.text)) } : undefined,
    fields: [
      { name: "title", label: "Title", value: risk.title },
      { name: "description", label: "Description", value: risk.description, type: "textarea" },
      { name: "category", label: "Category", value: risk.category },
      { name: "likelihood", label: "Likelihood", value: String(risk.likelihood), type: "score" },
      { name: "impact", label: "Impact", value: String(risk.impact), type: "score" },
      { name: "mitigation", label: "Mitigation", value: risk.mitigation, type: "textarea" },
    ],
    action: `/w/${slug}/risks/new`,
    hidden: { status: "open", ...hidden },
  };
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
