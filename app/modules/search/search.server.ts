import { sql, type RawBuilder } from "kysely";
import type { Database } from "../../../db/database";
import { MARK_END, MARK_START } from "./highlight";
import type { SearchType } from "./search-types";

const SEARCH_LIMIT = 50;
export const MAX_QUERY_LENGTH = 200;

interface Source {
  table: string;
  /** Multiplies ts_rank, so that a short, precise item outranks a long meeting that mentions the word in passing. */
  weight: number;
  /** SQL over the alias `t` (static text, never user input). */
  title: string;
  body: string;
  /** Extra condition over `t`, e.g. the latest vision only. */
  where?: string;
}

const SOURCES: Record<SearchType, Source> = {
  vision: {
    table: "vision_versions",
    weight: 1.2,
    title: `'Vision, version ' || t.number`,
    body: `concat_ws(' · ', nullif(t.statement, ''), nullif(t.mission, ''), nullif(t.target_customers, ''), nullif(t.principles, ''), nullif(t.north_star_metric, ''))`,
    // Older versions are history, not what the product is now.
    where: `t.number = (select max(v.number) from vision_versions v where v.workspace_id = t.workspace_id)`,
  },
  // The description is Markdown: its markup characters would only clutter a snippet.
  initiative: {
    table: "initiatives",
    weight: 1,
    title: "t.title",
    body: `concat_ws(' · ', nullif(t.problem, ''), nullif(regexp_replace(t.description, '[#*\`>]+|\\[|\\]\\([^)]*\\)', '', 'g'), ''))`,
  },
  roadmap_item: { table: "roadmap_items", weight: 1, title: "t.title", body: "t.description" },
  risk: {
    table: "risks",
    weight: 1,
    title: "t.title",
    body: `concat_ws(' · ', nullif(t.description, ''), nullif(t.category, ''), nullif(t.mitigation, ''))`,
  },
  persona: {
    table: "personas",
    weight: 0.9,
    title: "t.name",
    body: `concat_ws(' · ', nullif(t.segment, ''), nullif(t.goals, ''), nullif(t.pains, ''), nullif(t.jobs_to_be_done, ''), nullif(t.quote, ''))`,
  },
  competitor: {
    table: "competitors",
    weight: 0.9,
    title: "t.name",
    body: `concat_ws(' · ', nullif(t.positioning, ''), nullif(t.strengths, ''), nullif(t.weaknesses, ''), nullif(t.pricing_notes, ''))`,
  },
  // Captions are searched as what people said, without cue numbers and timings; only the start of
  // a long meeting is scanned for the snippet, as ts_headline reads the whole text.
  transcript: {
    table: "transcripts",
    weight: 0.7,
    title: "t.title",
    body: `concat_ws(' · ', nullif(t.summary, ''), left(coalesce((select string_agg(concat_ws(': ', s->>'speaker', s->>'text'), ' ') from jsonb_array_elements(case jsonb_typeof(t.segments) when 'array' then t.segments end) s), t.content), 100000))`,
  },
};

const TYPES = Object.keys(SOURCES) as SearchType[];

const SNIPPET_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_END}", HighlightAll=true`;

export interface SearchResult {
  type: SearchType;
  id: string;
  rank: number;
  /** Title and snippet carry MARK_START/MARK_END around each match; see highlight.ts. */
  title: string;
  snippet: string;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** Matches per type in the whole workspace, before the type filter and the limit. */
  counts: Partial<Record<SearchType, number>>;
}

function branch(type: SearchType, workspaceId: string): RawBuilder<unknown> {
  const source = SOURCES[type];
  return sql`select ${type}::text as type, t.id, ts_rank(t.search, query.q, 1) * ${sql.lit(source.weight)} as rank
    from ${sql.table(source.table)} as t, query
    where t.workspace_id = ${workspaceId} and t.search @@ query.q${source.where ? sql.raw(` and ${source.where}`) : sql``}`;
}

/** Joins the top hits back to their rows, to read titles and texts for 50 rows only. */
function joinBack(type: SearchType, workspaceId: string) {
  return sql`left join ${sql.table(SOURCES[type].table)} as ${sql.id(type)} on top.type = ${type} and ${sql.ref(`${type}.workspace_id`)} = ${workspaceId} and ${sql.ref(`${type}.id`)} = top.id`;
}

function perType(expression: (source: Source) => string) {
  return sql.raw(
    `case top.type ${TYPES.map((type) => `when '${type}' then ${expression(SOURCES[type]).replace(/\bt\./g, `"${type}".`)}`).join(" ")} end`,
  );
}

/** The search as one SQL statement (also read by bench/, which runs it bare as the floor). */
export function searchStatement(workspaceId: string, query: string, type?: SearchType) {
  return sql<SearchResult & { counts: SearchAnswer["counts"] }>`
    with query as (select websearch_to_tsquery('english', ${query}) as q),
    hits as (${sql.join(
      TYPES.map((t) => branch(t, workspaceId)),
      sql` union all `,
    )}),
    top as (
      select type, id, rank from hits ${type ? sql`where type = ${type}` : sql``}
      order by rank desc, id limit ${SEARCH_LIMIT}
    )
    select top.type, top.id, top.rank,
      ts_headline('english', ${perType((s) => s.title)}, query.q, ${TITLE_OPTIONS}) as title,
      ts_headline('english', coalesce(${perType((s) => s.body)}, ''), query.q, ${SNIPPET_OPTIONS}) as snippet,
      (select coalesce(jsonb_object_agg(type, n), '{}') from (select type, count(*) as n from hits group by type) c) as counts
    from top cross join query
    ${sql.join(
      TYPES.map((t) => joinBack(t, workspaceId)),
      sql` `,
    )}
    order by top.rank desc, top.id`;
}

/**
 * Full-text search over every kind of item in one workspace (PRODUCT.md §3), as one query: each
 * table's generated `search` column matched through its GIN index, ranked together, the best 50
 * highlighted. `websearch_to_tsquery` accepts what people type: "quoted phrases", or, -excluded.
 */
export async function searchWorkspace(db: Database, workspaceId: string, text: string, { type }: { type?: SearchType } = {}): Promise<SearchAnswer> {
  const query = text.trim().slice(0, MAX_QUERY_LENGTH);
  if (!query) return { results: [], counts: {} };
  const { rows } = await searchStatement(workspaceId, query, type).execute(db);
  if (rows.length === 0 && type) {
    const { rows: totals } = await countOnly(db, workspaceId, query);
    return { results: [], counts: totals[0]?.counts ?? {} };
  }
  return { results: rows.map(({ counts: _counts, ...result }) => result), counts: rows[0]?.counts ?? {} };
}

/** With a type filter that matches nothing, the other types' counts are still worth showing. */
function countOnly(db: Database, workspaceId: string, query: string) {
  return sql<{ counts: SearchAnswer["counts"] }>`
    with query as (select websearch_to_tsquery('english', ${query}) as q),
    hits as (${sql.join(
      TYPES.map((t) => branch(t, workspaceId)),
      sql` union all `,
    )})
    select coalesce(jsonb_object_agg(type, n), '{}') as counts from (select type, count(*) as n from hits group by type) c`.execute(db);
}
