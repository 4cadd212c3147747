import type { CorpusItem, WorkspaceCorpus } from "./workspace-corpus";
import type { DataSource } from "./prompt";

type ListKind = Exclude<keyof WorkspaceCorpus, "vision">;

const PREFIX: Record<ListKind | "vision", string> = {
  vision: "V",
  personas: "P",
  competitors: "C",
  initiatives: "I",
  roadmap: "M",
  risks: "R",
  transcripts: "T",
};

const KIND_LABEL: Record<ListKind | "vision", string> = {
  vision: "vision",
  personas: "persona",
  competitors: "competitor",
  initiatives: "initiative",
  roadmap: "roadmap item",
  risks: "risk",
  transcripts: "meeting transcript",
};

/**
 * The corpus as quoted sources with short handles (I3, T1…) a model can cite, in the order given,
 * until the character budget is spent — about a quarter as many tokens.
 */
export function corpusSources(corpus: WorkspaceCorpus, kinds: readonly (ListKind | "vision")[], budget = 60_000): DataSource[] {
  const sources: DataSource[] = [];
  let spent = 0;
  for (const kind of kinds) {
    const items: CorpusItem[] =
      kind === "vision" ? (corpus.vision ? [{ id: "vision", url: corpus.vision.url, title: `Vision (version ${corpus.vision.number})`, text: corpus.vision.text }] : []) : corpus[kind];
    items.forEach((item, index) => {
      const cost = item.title.length + item.text.length;
      if (spent + cost > budget) return;
      spent += cost;
      sources.push({ id: `${PREFIX[kind]}${index + 1}`, kind: KIND_LABEL[kind], title: item.title, text: item.text, url: item.url });
    });
  }
  return sources;
}

/** The source a model cited, by its handle. */
export function sourceById(sources: readonly DataSource[], id: string): DataSource | undefined {
  return sources.find((source) => source.id === id.trim().replace(/^\[|\]$/g, ""));
}
