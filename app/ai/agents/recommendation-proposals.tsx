import type { WorkspaceCorpus } from "../workspace-corpus";
import { LANE_LABELS, type Lane } from "~/modules/roadmap/schema";
import { SCORE_INPUTS } from "~/modules/initiatives/scoring";
import type { Proposal } from "../components/proposal-review";
import { sourceById } from "../corpus-sources";
import { quoteAppearsIn, type DataSource } from "../prompt";
import { handleTarget, type Gap, type Recommendations, type RiceEstimate, type SequencingAdvice } from "./recommendations";

/** The three review sections, and why any proposal the model made was left out. */
export interface RecommendationReview {
  estimates: Proposal[];
  sequencing: Proposal[];
  gaps: Proposal[];
  notes: string[];
}

type Mapped = { proposal: Proposal } | { note: string };

/**
 * Turns the validated model output into proposals that post to the app's ordinary actions. A
 * proposal naming a handle that was never sent (or not of the right kind) is dropped with a note:
 * it would save onto a guess.
 */
export function recommendationProposals(slug: string, corpus: WorkspaceCorpus, sources: readonly DataSource[], output: Recommendations): RecommendationReview {
  const review: RecommendationReview = { estimates: [], sequencing: [], gaps: [], notes: [] };
  const collect = (section: Proposal[], mapped: Mapped) => ("proposal" in mapped ? section.push(mapped.proposal) : review.notes.push(mapped.note));
  output.estimates.forEach((estimate, index) => collect(review.estimates, estimateProposal(slug, corpus, sources, estimate, index)));
  output.sequencing.forEach((advice, index) => collect(review.sequencing, sequencingProposal(slug, corpus, sources, advice, index)));
  output.gaps.forEach((gap, index) => collect(review.gaps, gapProposal(slug, corpus, sources, gap, index)));
  return review;
}

function unknownCites(sources: readonly DataSource[], cites: readonly string[]): string[] {
  return cites.filter((handle) => !sourceById(sources, handle));
}

function citedQuote(sources: readonly DataSource[], cites: readonly string[], text: string): Proposal["quote"] {
  if (!text.trim()) return undefined;
  const cited = cites.map((handle) => sourceById(sources, handle)).filter((source) => source !== undefined);
  return { text, found: cited.some((source) => quoteAppearsIn(text, source.text)) };
}

function citedTitles(sources: readonly DataSource[], cites: readonly string[]): string {
  return cites
    .map((handle) => sourceById(sources, handle))
    .filter((source) => source !== undefined)
    .map((source) => `${source.kind} “${source.title}”`)
    .join(", ");
}

const IMPACTS = SCORE_INPUTS.impact.choices!.map((choice) => choice.value);
const impactLabel = (value: number) => SCORE_INPUTS.impact.choices!.find((choice) => choice.value === value)?.label ?? String(value);

/** The allowed impact nearest the model's number: models write 1.5 or 2.0 as readily as 2. */
export function nearestImpact(value: number): number {
  return IMPACTS.reduce((best, candidate) => (Math.abs(candidate - value) < Math.abs(best - value) ? candidate : best));
}

function estimateProposal(slug: string, corpus: WorkspaceCorpus, sources: readonly DataSource[], estimate: RiceEstimate, index: number): Mapped {
  const initiative = handleTarget(corpus, sources, "initiatives", estimate.initiative);
  if (!initiative) return { note: `A RICE estimate for “${estimate.initiative}” was left out: no initiative has that handle.` };
  const unknown = unknownCites(sources, estimate.cites);
  if (unknown.length) return { note: `The RICE estimate for “${initiative.title}” was left out: it cites unknown handles (${unknown.join(", ")}).` };
  if (!(estimate.effort > 0)) return { note: `The RICE estimate for “${initiative.title}” was left out: its effort is not more than 0.` };
  const impact = nearestImpact(estimate.impact);
  const effort = Math.round(estimate.effort * 10) / 10 || 0.1;
  const current = initiative.rice;
  return {
    proposal: {
      key: `estimate-${index}`,
      kind: "RICE estimate",
      title: initiative.title,
      body: (
        <>
          <ul className="list-disc space-y-0.5 pl-4">
            <li>
              Reach {estimate.reach.toLocaleString("en")} per quarter — {estimate.reachReason}
            </li>
            <li>
              Impact {impactLabel(impact)} — {estimate.impactReason}
            </li>
            <li>
              Confidence {estimate.confidence}% — {estimate.confidenceReason}
            </li>
            <li>
              Effort {effort} person-months — {estimate.effortReason}
            </li>
          </ul>
          <p className="mt-1 text-xs text-zinc-500">
            Now: reach {current.reach ?? "—"}, impact {current.impact ?? "—"}, confidence {current.confidence === null ? "—" : `${current.confidence}%`}, effort{" "}
            {current.effort ?? "—"} · from{" "}
            {citedTitles(sources, estimate.cites)}
          </p>
        </>
      ),
      quote: citedQuote(sources, estimate.cites, estimate.quote),
      fields: [
        { name: "reach", label: "Reach", value: String(estimate.reach) },
        { name: "impact", label: "Impact (3, 2, 1, 0.5 or 0.25)", value: String(impact) },
        { name: "confidence", label: "Confidence (%)", value: String(estimate.confidence) },
        { name: "effort", label: "Effort (person-months)", value: String(effort) },
      ],
      // The edit action's narrow "scores" branch writes these four inputs only, over this version.
      action: `/w/${slug}/initiatives/${initiative.id}/edit`,
      hidden: { intent: "scores", version: String(initiative.version) },
    },
  };
}

function sequencingProposal(slug: string, corpus: WorkspaceCorpus, sources: readonly DataSource[], advice: SequencingAdvice, index: number): Mapped {
  const item = handleTarget(corpus, sources, "roadmap", advice.item);
  if (!item) return { note: `A lane change for “${advice.item}” was left out: no roadmap item has that handle.` };
  const unknown = unknownCites(sources, advice.cites);
  if (unknown.length) return { note: `The lane change for “${item.title}” was left out: it cites unknown handles (${unknown.join(", ")}).` };
  const from = LANE_LABELS[item.lane as Lane] ?? item.lane;
  if (item.lane === advice.lane) return { note: `“${item.title}” stays in ${from}: nothing to move.` };
  return {
    proposal: {
      key: `sequencing-${index}`,
      kind: "Lane change",
      title: item.title,
      body: (
        <>
          <p>
            Move from {from} to {LANE_LABELS[advice.lane]}: {advice.reason}
          </p>
          <p className="mt-1 text-xs text-zinc-500">From {citedTitles(sources, advice.cites)}</p>
        </>
      ),
      quote: citedQuote(sources, advice.cites, advice.quote),
      fields: [{ name: "lane", label: "Lane (now, next or later)", value: advice.lane }],
      // The roadmap's own "Move to" button posts exactly this (it works without JavaScript too).
      action: `/w/${slug}/roadmap?index`,
      hidden: { intent: "move-to-lane", id: item.id },
    },
  };
}

function gapProposal(slug: string, corpus: WorkspaceCorpus, sources: readonly DataSource[], gap: Gap, index: number): Mapped {
  const unknown = unknownCites(sources, gap.cites);
  if (unknown.length) return { note: `The gap “${gap.title}” was left out: it cites unknown handles (${unknown.join(", ")}).` };
  // The first persona it cites is linked to the new initiative; the form takes persona ids.
  const persona = gap.cites.map((handle) => handleTarget(corpus, sources, "personas", handle)).find((found) => found !== undefined);
  return {
    proposal: {
      key: `gap-${index}`,
      kind: "Missing initiative",
      title: gap.title,
      body: (
        <>
          <p>{gap.problem}</p>
          <p className="mt-1 text-xs">Why: {gap.why}</p>
          <p className="mt-1 text-xs text-zinc-500">
            From {citedTitles(sources, gap.cites)}
            {persona ? ` · linked to persona “${persona.title}”` : ""}
          </p>
        </>
      ),
      quote: citedQuote(sources, gap.cites, gap.quote),
      fields: [
        { name: "title", label: "Title", value: gap.title },
        { name: "problem", label: "Problem", value: gap.problem, type: "textarea" },
        { name: "description", label: "Description", value: gap.why, type: "textarea" },
      ],
      action: `/w/${slug}/initiatives/new`,
      hidden: { status: "idea", ...(persona ? { personas: persona.id } : {}) },
    },
  };
}
