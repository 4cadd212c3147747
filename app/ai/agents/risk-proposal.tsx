import type { Proposal, ProposalField } from "../components/proposal-review";

/** A risk as agents propose it; the category is optional (the summariser leaves it to the team). */
export interface RiskDraft {
  title: string;
  description: string;
  likelihood: number;
  impact: number;
  mitigation: string;
  category?: string;
}

/**
 * A proposed risk, saved on acceptance through the register's own "new risk" action. Shared by
 * every agent that proposes risks, so they read and save the same way.
 */
export function riskDraftProposal(
  slug: string,
  key: string,
  risk: RiskDraft,
  { quote, origin, hidden = {} }: { quote?: Proposal["quote"]; origin?: string; hidden?: Record<string, string> } = {},
): Proposal {
  const fields: ProposalField[] = [
    { name: "title", label: "Title", value: risk.title },
    { name: "description", label: "Description", value: risk.description, type: "textarea" },
    ...(risk.category !== undefined ? [{ name: "category", label: "Category", value: risk.category }] : []),
    { name: "likelihood", label: "Likelihood", value: String(risk.likelihood), type: "score" },
    { name: "impact", label: "Impact", value: String(risk.impact), type: "score" },
    { name: "mitigation", label: "Mitigation", value: risk.mitigation, type: "textarea" },
  ];
  return {
    key,
    kind: "Risk",
    title: risk.title,
    body: (
      <>
        <p>{risk.description}</p>
        <p className="mt-1 text-xs text-zinc-500">
          Likelihood {risk.likelihood}/5 · impact {risk.impact}/5
          {risk.category ? ` · ${risk.category}` : ""}
          {origin ? ` · ${origin}` : ""}
        </p>
        {risk.mitigation ? <p className="mt-1 text-xs">Mitigation: {risk.mitigation}</p> : null}
      </>
    ),
    quote,
    fields,
    action: `/w/${slug}/risks/new`,
    hidden: { status: "open", ...hidden },
  };
}
