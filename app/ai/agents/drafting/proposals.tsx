import type { Proposal } from "../../components/proposal-review";
import { sourceById } from "../../corpus-sources";
import { quoteAppearsIn, type DataSource } from "../../prompt";
import type { CompetitorAnalysis } from "./competitor-analyst";
import type { CompetitorSnapshot, InitiativeSnapshot, VisionSnapshot } from "./drafting-sources";
import { bulletLines, citedTitles, firstQuote } from "./evidence";
import type { OnePager } from "./initiative-one-pager";
import type { PersonaDraft } from "./persona-drafter";
import type { CritiquePoint, VisionCritique } from "./vision-critic";

function GroundedIn({ titles }: { titles: string[] }) {
  return titles.length ? <p className="mt-1 text-xs text-zinc-500">Grounded in {titles.join(", ")}</p> : null;
}

/** A drafted persona, saved as a new persona through the ordinary "new persona" action. */
export function personaProposal(slug: string, draft: PersonaDraft, sources: readonly DataSource[]): Proposal {
  return {
    key: "persona",
    kind: "Persona",
    title: draft.name,
    body: (
      <>
        {draft.segment ? <p>{draft.segment}</p> : null}
        {draft.quote ? <p className="mt-1 italic">“{draft.quote}”</p> : null}
        <GroundedIn titles={citedTitles(draft.evidence, sources)} />
      </>
    ),
    quote: firstQuote(draft.evidence, sources),
    fields: [
      { name: "name", label: "Name", value: draft.name },
      { name: "segment", label: "Segment or role", value: draft.segment },
      { name: "goals", label: "Goals", value: bulletLines(draft.goals), type: "textarea" },
      { name: "pains", label: "Pains", value: bulletLines(draft.pains), type: "textarea" },
      { name: "jobs_to_be_done", label: "Jobs to be done", value: bulletLines(draft.jobs_to_be_done), type: "textarea" },
      { name: "quote", label: "Quote", value: draft.quote, type: "textarea" },
    ],
    action: `/w/${slug}/personas/new`,
  };
}

/**
 * An analysis, saved over the competitor through its ordinary edit action. The fields it does not
 * touch (name, website) go along unchanged, and the version it was based on makes a save over
 * someone else's newer edit a conflict instead of an overwrite.
 */
export function competitorProposal(slug: string, competitor: CompetitorSnapshot, analysis: CompetitorAnalysis, sources: readonly DataSource[]): Proposal {
  return {
    key: `competitor-${competitor.id}`,
    kind: "Competitor analysis",
    title: competitor.name,
    body: (
      <>
        <p>{analysis.positioning}</p>
        <p className="mt-1 text-xs">
          Threat: {analysis.threat_level} — {analysis.threat_reason}
        </p>
        <GroundedIn titles={citedTitles(analysis.evidence, sources)} />
      </>
    ),
    quote: firstQuote(analysis.evidence, sources),
    fields: [
      { name: "positioning", label: "Positioning", value: analysis.positioning, type: "textarea" },
      { name: "strengths", label: "Strengths", value: bulletLines(analysis.strengths), type: "textarea" },
      { name: "weaknesses", label: "Weaknesses", value: bulletLines(analysis.weaknesses), type: "textarea" },
      { name: "pricing_notes", label: "Pricing notes", value: analysis.pricing_notes, type: "textarea" },
      { name: "threat_level", label: "Threat level (low, medium or high)", value: analysis.threat_level },
    ],
    action: `/w/${slug}/competitors/${competitor.id}/edit`,
    hidden: { name: competitor.name, website: competitor.website, version: String(competitor.version) },
  };
}

/** A critique point with whether its phrase really is in the vision (read-only: nothing to save). */
export function critiqueFindings(critique: VisionCritique, vision: string): (CritiquePoint & { found: boolean })[] {
  return critique.critique.map((point) => ({ ...point, found: quoteAppearsIn(point.phrase, vision) }));
}

/** The revised vision, saved as a new version through the vision edit action, based on the version shown. */
export function visionRevisionProposal(slug: string, vision: VisionSnapshot, critique: VisionCritique): Proposal {
  const { revision } = critique;
  return {
    key: "vision-revision",
    kind: "Vision revision",
    title: `Revised vision (would become version ${vision.number + 1})`,
    body: (
      <>
        <p>{revision.statement}</p>
        {revision.rationale ? <p className="mt-1 text-xs text-zinc-500">{revision.rationale}</p> : null}
      </>
    ),
    fields: [
      { name: "statement", label: "Vision statement", value: revision.statement, type: "textarea" },
      { name: "mission", label: "Mission", value: revision.mission, type: "textarea" },
      { name: "target_customers", label: "Target customers", value: revision.target_customers, type: "textarea" },
      { name: "principles", label: "Product principles", value: revision.principles, type: "textarea" },
      { name: "north_star_metric", label: "North-star metric", value: revision.north_star_metric },
    ],
    action: `/w/${slug}/vision/edit`,
    hidden: { version: String(vision.number) },
  };
}

/** The persona a handle names, or the handle itself marked as unknown when the model made it up. */
function personaName(handle: string, sources: readonly DataSource[]): string {
  const source = sourceById(sources, handle);
  return source?.kind === "persona" ? source.title : `${handle} (not a persona in this workspace)`;
}

const section = (heading: string, body: string) => (body.trim() ? `## ${heading}\n\n${body.trim()}` : "");

/** The one-pager as the Markdown the initiative's description shows. */
export function onePagerMarkdown(onePager: OnePager, sources: readonly DataSource[]): string {
  const personas = onePager.target_personas.map((p) => `**${personaName(p.handle, sources)}**${p.why.trim() ? ` — ${p.why.trim()}` : ""}`);
  return [
    section("Problem", onePager.problem),
    section("Proposed solution", onePager.proposed_solution),
    section("Target personas", bulletLines(personas)),
    section("Success metrics", bulletLines(onePager.success_metrics)),
    section("Risks", bulletLines(onePager.risks)),
    section("Open questions", bulletLines(onePager.open_questions)),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** The one-pager, saved over the initiative's problem and description only (`intent=one-pager`). */
export function onePagerProposal(slug: string, initiative: InitiativeSnapshot, onePager: OnePager, sources: readonly DataSource[]): Proposal {
  const description = onePagerMarkdown(onePager, sources);
  return {
    key: `one-pager-${initiative.id}`,
    kind: "Initiative one-pager",
    title: initiative.title,
    body: <pre className="max-h-80 overflow-y-auto text-xs whitespace-pre-wrap">{description}</pre>,
    fields: [
      { name: "problem", label: "Problem", value: onePager.problem, type: "textarea" },
      { name: "description", label: "Description (Markdown)", value: description, type: "textarea" },
    ],
    action: `/w/${slug}/initiatives/${initiative.id}/edit`,
    hidden: { intent: "one-pager", version: String(initiative.version) },
  };
}
