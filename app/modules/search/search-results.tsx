import { Link } from "@remix-run/react";
import { ITEM_LABELS, itemPath } from "../activity/item-links";
import { splitHighlights } from "./highlight";
import { SEARCH_TYPES, type SearchType } from "./search-types";

/** Text from ts_headline with its matches in <mark>; React escapes every part. */
function Highlighted({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, index) =>
        part.marked ? (
          <mark key={index} className="rounded-sm bg-amber-200/80 px-0.5 text-inherit dark:bg-amber-400/30 dark:text-amber-50">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

const TYPE_STYLES: Record<SearchType, string> = {
  vision: "bg-violet-100 text-violet-900 dark:bg-violet-500/15 dark:text-violet-200",
  initiative: "bg-accent-50 text-accent-700 dark:bg-accent-500/20 dark:text-indigo-200",
  roadmap_item: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
  risk: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
  persona: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200",
  competitor: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  transcript: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

function TypeBadge({ type }: { type: SearchType }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TYPE_STYLES[type]}`}>
      {ITEM_LABELS[type].one}
    </span>
  );
}

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  snippet: string;
}

export function SearchResultList({ slug, results }: { slug: string; results: ReadonlyArray<SearchHit> }) {
  return (
    <ol className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {results.map((result) => (
        <li key={`${result.type}:${result.id}`} className="px-4 py-3.5 sm:px-5">
          <div className="flex flex-wrap items-center gap-2">
            <TypeBadge type={result.type} />
            <Link
              to={itemPath(slug, result.type, result.id) ?? `/w/${slug}`}
              className="font-medium text-zinc-900 hover:text-accent-600 hover:underline dark:text-zinc-100 dark:hover:text-accent-500"
            >
              <Highlighted text={result.title} />
            </Link>
          </div>
          {result.snippet ? (
            <p className="mt-1.5 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">
              <Highlighted text={result.snippet} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** "All 42 · Initiatives 20 · Risks 12 …": links that keep the query and narrow to one type. */
export function TypeFilter({
  query,
  current,
  counts,
}: {
  query: string;
  current: SearchType | undefined;
  counts: Partial<Record<SearchType, number>>;
}) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const chip = (active: boolean) =>
    `inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm ${
      active
        ? "border-accent-600 bg-accent-600 text-white"
        : "border-zinc-300 text-zinc-700 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-500"
    }`;
  const href = (type?: SearchType) => `?${new URLSearchParams({ q: query, ...(type ? { type } : {}) })}`;
  return (
    <nav aria-label="Filter results by type" className="flex flex-wrap gap-2">
      <Link to={href()} className={chip(!current)} aria-current={!current ? "page" : undefined}>
        All <span className="tabular-nums opacity-75">{total}</span>
      </Link>
      {SEARCH_TYPES.filter((type) => counts[type]).map((type) => (
        <Link key={type} to={href(type)} className={chip(current === type)} aria-current={current === type ? "page" : undefined}>
          {ITEM_LABELS[type].many} <span className="tabular-nums opacity-75">{counts[type]}</span>
        </Link>
      ))}
    </nav>
  );
}
