import type { DataSource } from "../prompt";

/**
 * Picks the workspace items a chat question is about, in the browser, so the question never
 * reaches Bearing's server. A small BM25 (the ranking behind most keyword search engines) over
 * each item's title, kind and text: rare words weigh more than common ones, a word repeated in a
 * long transcript counts less than the same word in a short risk, and title words count triple.
 */

// BM25's usual constants: k1 bounds how much repetition helps, b how much length is penalised.
const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;

const STOPWORDS = new Set(
  (
    "a about above after again all also am an and any are as at be because been before being below between both but by can could " +
    "did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it " +
    "its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some " +
    "such than that the their theirs them then there these they this those through to too under until up very was we were what " +
    "when where which while who whom why will with would you your yours tell show give list please thing things anything " +
    "something everything know think"
  ).split(" "),
);

/** Lower-cased words without accents, stopwords or the commonest English endings (plans, planned, planning → plan). */
export function tokenize(text: string): string[] {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  const tokens: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

function stem(word: string): string {
  if (/\d/.test(word) || word.length <= 3) return word;
  let stemmed = word;
  if (stemmed.endsWith("ies") && stemmed.length > 4) stemmed = `${stemmed.slice(0, -3)}y`;
  else if (stemmed.endsWith("sses")) stemmed = stemmed.slice(0, -2);
  else if (/[^su]s$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  const suffix = stemmed.length > 5 && stemmed.endsWith("ing") ? 3 : stemmed.length > 4 && stemmed.endsWith("ed") ? 2 : 0;
  if (suffix) {
    stemmed = stemmed.slice(0, -suffix);
    // planned → plann → plan
    if (/([^aeiouls])\1$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  }
  return stemmed;
}

interface IndexedSource {
  source: DataSource;
  frequencies: Map<string, number>;
  length: number;
}

export interface SourceIndex {
  documents: IndexedSource[];
  documentFrequency: Map<string, number>;
  averageLength: number;
}

/** Tokenises every source once, so ranking a question as it is typed stays cheap. */
export function buildSourceIndex(sources: readonly DataSource[]): SourceIndex {
  const documentFrequency = new Map<string, number>();
  const documents = sources.map((source) => {
    const frequencies = new Map<string, number>();
    const add = (tokens: string[], weight: number) => {
      for (const token of tokens) frequencies.set(token, (frequencies.get(token) ?? 0) + weight);
    };
    const titleTokens = tokenize(`${source.title} ${source.kind}`);
    const textTokens = tokenize(source.text);
    add(titleTokens, TITLE_WEIGHT);
    add(textTokens, 1);
    for (const token of frequencies.keys()) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    return { source, frequencies, length: titleTokens.length + textTokens.length };
  });
  const averageLength = documents.reduce((sum, document) => sum + document.length, 0) / Math.max(documents.length, 1);
  return { documents, documentFrequency, averageLength: averageLength || 1 };
}

export interface RankedSource {
  source: DataSource;
  score: number;
}

/** Sources ranked against a query, best first, leaving out those that share no word with it. */
export function rankSources(index: SourceIndex, query: string): RankedSource[] {
  const terms = new Set(tokenize(query));
  const total = index.documents.length;
  const ranked: RankedSource[] = [];
  for (const document of index.documents) {
    let score = 0;
    for (const term of terms) {
      const frequency = document.frequencies.get(term);
      if (!frequency) continue;
      const documentFrequency = index.documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (total - documentFrequency + 0.5) / (documentFrequency + 0.5));
      score += idf * ((frequency * (K1 + 1)) / (frequency + K1 * (1 - B + (B * document.length) / index.averageLength)));
    }
    if (score > 0) ranked.push({ source: document.source, score });
  }
  // Stable for equal scores: the corpus order (most recently updated first) breaks ties.
  return ranked.sort((a, b) => b.score - a.score);
}

export interface Retrieval {
  sources: DataSource[];
  /** False when no item shares a word with the question, and the first items stand in. */
  matched: boolean;
}

const SOURCES_PER_QUESTION = 12;
const EXCERPT_CHARS = 2_000;

/**
 * The items to quote for a question: its best matches, then, when it matches fewer than the limit
 * (a follow-up such as "and how likely is it?"), the best matches of the questions before it.
 * Each long text is cut down to its passages that mention the question's words.
 */
export function retrieveSources(
  index: SourceIndex,
  question: string,
  { earlierQuestions = [], limit = SOURCES_PER_QUESTION }: { earlierQuestions?: readonly string[]; limit?: number } = {},
): Retrieval {
  const picked = rankSources(index, question).map((entry) => entry.source);
  if (picked.length < limit && earlierQuestions.length > 0) {
    const context = rankSources(index, earlierQuestions.slice(-2).join("\n")).map((entry) => entry.source);
    picked.push(...context.filter((source) => !picked.includes(source)));
  }
  const matched = picked.length > 0;
  const chosen = (matched ? picked : index.documents.map((document) => document.source)).slice(0, limit);
  const terms = new Set(tokenize([question, ...earlierQuestions.slice(-2)].join("\n")));
  return { matched, sources: chosen.map((source) => ({ ...source, text: excerpt(source.text, terms) })) };
}

/**
 * A long text's most relevant lines within a budget, in their original order, with "…" where
 * lines were left out. The first line stays: in a transcript it holds the date and summary.
 */
export function excerpt(text: string, terms: ReadonlySet<string>, budget = EXCERPT_CHARS): string {
  if (text.length <= budget) return text;
  const piece = Math.floor(budget / 2);
  const lines = text.split(/\n+/).flatMap((line) => (line.length > piece ? (line.match(new RegExp(`[\\s\\S]{1,${piece}}`, "g")) ?? []) : [line]));
  const byRelevance = lines
    .map((line, position) => ({ position, hits: tokenize(line).filter((token) => terms.has(token)).length }))
    .sort((a, b) => b.hits - a.hits || a.position - b.position);
  const chosen = new Set<number>();
  let spent = 0;
  const take = (position: number) => {
    const length = lines[position]!.length;
    if (spent + length > budget) return;
    chosen.add(position);
    spent += length;
  };
  take(0);
  for (const { position, hits } of byRelevance) {
    // Once the matching lines are in, unrelated ones would only cost tokens.
    if (hits === 0 && chosen.size > 1) break;
    if (!chosen.has(position)) take(position);
  }
  const positions = [...chosen].sort((a, b) => a - b);
  const parts: string[] = [];
  positions.forEach((position, i) => {
    if (i > 0 && positions[i - 1] !== position - 1) parts.push("…");
    parts.push(lines[position]!);
  });
  if (positions.at(-1) !== lines.length - 1) parts.push("…");
  return parts.join("\n");
}
