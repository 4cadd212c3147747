import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AiAction } from "~/ai/components/ai-action";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { listFacets, listInitiatives } from "~/modules/initiatives/initiative-queries.server";
import { InitiativeTable } from "~/modules/initiatives/initiative-table";
import { getPrioritization } from "~/modules/initiatives/initiatives.server";
import { ListFilters } from "~/modules/initiatives/list-filters";
import { hasFilters, listSearch, PAGE_SIZE, parseListParams } from "~/modules/initiatives/list-params";
import { FRAMEWORKS } from "~/modules/initiatives/scoring";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Initiatives · Bearing" }];

export async function loader({ request, context, params: route }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, route.slug);
  const search = new URL(request.url).searchParams;
  const params = parseListParams(search);
  const framework = await getPrioritization(context.db, workspace.id);
  const [page, facets] = await Promise.all([listInitiatives(context.db, workspace.id, framework, params), listFacets(context.db, workspace.id)]);
  const imported = Number(search.get("imported")) || 0;
  return { slug: workspace.slug, params, framework, ...page, facets, imported, canEdit: atLeast(role, "editor") };
}

const count = new Intl.NumberFormat("en");

export default function InitiativesPage() {
  const { slug, params, framework, rows, total, pages, facets, imported, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/initiatives`;
  const first = (params.page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Initiatives"
        description={`Prioritised by ${FRAMEWORKS[framework].name}: ${FRAMEWORKS[framework].formula}.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to={`${base}/board`} className={buttonClass("secondary")}>
              Board
            </Link>
            <a href={`${base}.csv${listSearch({ ...params, page: 1 })}`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {canEdit ? (
              <>
                <AiAction label="Recommendations" load={() => import("~/ai/agents/recommendations-panel.client")} props={{ slug }} />
                <Link to={`${base}/import`} className={buttonClass("secondary")}>
                  Import CSV
                </Link>
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  New initiative
                </Link>
              </>
            ) : null}
          </div>
        }
      />
      <div className="space-y-4 p-4 sm:p-8">
        {imported > 0 ? <Alert tone="success">Imported {count.format(imported)} initiatives.</Alert> : null}
        <ListFilters key={listSearch(params)} base={base} params={params} facets={facets} />
        {total === 0 ? (
          <EmptyState
            title={hasFilters(params) ? "No initiative matches these filters" : "No initiatives yet"}
            action={
              canEdit && !hasFilters(params) ? (
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  Create the first initiative
                </Link>
              ) : hasFilters(params) ? (
                <Link to={base} className={buttonClass("secondary")}>
                  Clear the filters
                </Link>
              ) : null
            }
          >
            {hasFilters(params) ? "Try fewer filters or other words." : "Initiatives are the problems worth solving, scored so the team agrees on what comes first."}
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
              {rows.length === 0
                ? `Page ${params.page} is past the end: ${count.format(total)} initiatives in all.`
                : `${count.format(first)}–${count.format(first + rows.length - 1)} of ${count.format(total)} initiative${total === 1 ? "" : "s"}`}
            </p>
            {rows.length > 0 ? <InitiativeTable base={base} params={params} rows={rows} framework={framework} /> : null}
            {pages > 1 ? (
              <nav aria-label="Pages" className="flex items-center justify-between text-sm">
                {params.page > 1 ? (
                  <Link to={`${base}${listSearch(params, { page: Math.min(params.page - 1, pages) })}`} className={buttonClass("secondary", "sm")} rel="prev">
                    ← Previous
                  </Link>
                ) : (
                  <span />
                )}
                <span className="text-zinc-500 dark:text-zinc-400">
                  Page {count.format(params.page)} of {count.format(pages)}
                </span>
                {params.page < pages ? (
                  <Link to={`${base}${listSearch(params, { page: params.page + 1 })}`} className={buttonClass("secondary", "sm")} rel="next">
                    Next →
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
