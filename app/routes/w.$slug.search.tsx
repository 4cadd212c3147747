import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { SearchResultList, TypeFilter } from "~/modules/search/search-results";
import { MAX_QUERY_LENGTH, searchWorkspace } from "~/modules/search/search.server";
import { isSearchType } from "~/modules/search/search-types";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.query ? `“${data.query}” · Search · Bearing` : "Search · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const typeParam = url.searchParams.get("type");
  const type = isSearchType(typeParam) ? typeParam : undefined;
  const { results, counts } = await searchWorkspace(context.db, workspace.id, query, { type });
  return { workspace, query, type, results, counts };
}

export default function SearchPage() {
  const { workspace, query, type, results, counts } = useLoaderData<typeof loader>();
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const matching = type ? (counts[type] ?? 0) : total;
  return (
    <>
      <PageHeader title="Search" description={`Everything in ${workspace.name}: vision, personas, competitors, initiatives, roadmap, risks and transcripts.`} />
      <div className="max-w-4xl space-y-5 p-4 sm:p-8">
        <Form method="get" role="search" className="flex gap-2">
          <label htmlFor="search-query" className="sr-only">
            Search
          </label>
          <input
            id="search-query"
            name="q"
            type="search"
            defaultValue={query}
            key={query}
            maxLength={MAX_QUERY_LENGTH}
            placeholder="Search, e.g. checkout conversion, “one-tap”, fraud -wallets"
            className={inputClass}
            autoFocus={!query}
          />
          {type ? <input type="hidden" name="type" value={type} /> : null}
          <Button>Search</Button>
        </Form>

        {!query ? (
          <EmptyState title="Search the whole workspace">
            Type a few words. Use quotes for a phrase (“one-tap checkout”), <strong>or</strong> for alternatives, and a minus sign to leave a word out
            (fraud -wallets).
          </EmptyState>
        ) : total === 0 ? (
          <EmptyState title={`Nothing matches “${query}”`}>Try fewer or different words; search matches whole words and their forms (plan, planned, planning).</EmptyState>
        ) : (
          <>
            <TypeFilter query={query} current={type} counts={counts} />
            <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {matching > results.length
                ? `The ${results.length} best of ${matching.toLocaleString("en")} matches.`
                : `${results.length.toLocaleString("en")} ${results.length === 1 ? "match" : "matches"}, best first.`}
            </p>
            {results.length ? (
              <SearchResultList slug={workspace.slug} results={results} />
            ) : (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">No matches of this type.</p>
            )}
          </>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
