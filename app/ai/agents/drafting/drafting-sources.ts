import type { Selectable } from "kysely";
import type { CompetitorsTable, VisionVersionsTable } from "../../../../db/schema";
import type { WorkspaceCorpus } from "../../workspace-corpus";
import { corpusSources } from "../../corpus-sources";
import type { DataSource } from "../../prompt";

/** What a drafting panel knows of the item it drafts for, from the page it was opened on: the table's own columns. */
export type CompetitorSnapshot = Pick<
  Selectable<CompetitorsTable>,
  "id" | "name" | "website" | "positioning" | "strengths" | "weaknesses" | "pricing_notes" | "threat_level" | "version"
>;

export type VisionSnapshot = Pick<Selectable<VisionVersionsTable>, "number" | "statement" | "mission" | "target_customers" | "principles" | "north_star_metric">;

export interface InitiativeSnapshot {
  id: string;
  title: string;
  problem: string;
  description: string;
  version: number;
}

const labelled = (parts: [string, string][]) =>
  parts
    .filter(([, text]) => text.trim())
    .map(([label, text]) => `${label}: ${text}`)
    .join("\n\n");

/** The sources a persona is drafted from. */
export function personaSources(corpus: WorkspaceCorpus): DataSource[] {
  return corpusSources(corpus, ["vision", "personas", "initiatives", "transcripts"]);
}

/**
 * The competitor in full as C0 (the corpus clips it and leaves pricing out), then the rest of the
 * workspace without its clipped copy.
 */
export function competitorSources(corpus: WorkspaceCorpus, competitor: CompetitorSnapshot, url: string): DataSource[] {
  const focus: DataSource = {
    id: "C0",
    kind: "competitor being analysed",
    title: competitor.name,
    url,
    text: labelled([
      ["Website", competitor.website],
      ["Positioning", competitor.positioning],
      ["Strengths", competitor.strengths],
      ["Weaknesses", competitor.weaknesses],
      ["Pricing notes", competitor.pricing_notes],
      ["Threat level", competitor.threat_level],
    ]),
  };
  const rest = { ...corpus, competitors: corpus.competitors.filter((c) => c.id !== competitor.id) };
  return [focus, ...corpusSources(rest, ["vision", "personas", "initiatives", "competitors", "transcripts"])];
}

/** The vision's text as the critique quotes it: its five fields, labelled. */
export function visionText(vision: VisionSnapshot): string {
  return labelled([
    ["Vision statement", vision.statement],
    ["Mission", vision.mission],
    ["Target customers", vision.target_customers],
    ["Product principles", vision.principles],
    ["North-star metric", vision.north_star_metric],
  ]);
}

/** The vision shown on the page as V1 (fields labelled), then what it should be measured against. */
export function visionSources(corpus: WorkspaceCorpus, vision: VisionSnapshot, url: string): DataSource[] {
  const focus: DataSource = { id: "V1", kind: "vision", title: `Vision (version ${vision.number})`, url, text: visionText(vision) };
  return [focus, ...corpusSources({ ...corpus, vision: null }, ["personas", "initiatives", "transcripts", "competitors"])];
}

/** The initiative in full as I0, then the vision, personas (P1…), the other initiatives and transcripts. */
export function initiativeSources(corpus: WorkspaceCorpus, initiative: InitiativeSnapshot, url: string): DataSource[] {
  const focus: DataSource = {
    id: "I0",
    kind: "initiative being written up",
    title: initiative.title,
    url,
    text: labelled([
      ["Problem", initiative.problem],
      ["Description", initiative.description],
    ]),
  };
  const rest = { ...corpus, initiatives: corpus.initiatives.filter((i) => i.id !== initiative.id) };
  return [focus, ...corpusSources(rest, ["vision", "personas", "transcripts", "initiatives", "risks"])];
}
