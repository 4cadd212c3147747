import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AiAction } from "~/ai/components/ai-action";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { buttonClass } from "~/components/ui/button";
import { RiskBandSummary } from "~/modules/risks/risk-band-summary";
import { isFiltered, parseRiskFilter, REGISTER_PAGE_SIZE, riskFilterSearch } from "~/modules/risks/risk-filter";
import { RiskFilters } from "~/modules/risks/risk-filters";
import { RiskHeatMap } from "~/modules/risks/risk-heat-map";
import { RegisterPagination, RiskRegisterTable } from "~/modules/risks/risk-register-table";
import {
  countInHeatMap,
  listOwnerOptions,
  listRegisterRisks,
  listRiskCategories,
  riskHeatMap,
} from "~/modules/risks/risk-register.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Risks · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const requested = parseRiskFilter(new URL(request.url).searchParams);
  const [counts, categories, owners] = await Promise.all([
    riskHeatMap(context.db, workspace.id, requested),
    listRiskCategories(context.db, workspace.id),
    listOwnerOptions(context.db, workspace.id),
  ]);
  // The heat map already counted the register, so paging needs no count query of its own.
  const total = countInHeatMap(counts, requested);
  const filter = { ...requested, page: Math.min(requested.page, Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE))) };
  const risks = total ? await listRegisterRisks(context.db, workspace.id, filter, { offset: (filter.page - 1) * REGISTER_PAGE_SIZE }) : [];
  return { slug: workspace.slug, filter, counts, total, risks, categories, owners, canEdit: atLeast(role, "editor") };
}

export default function RisksPage() {
  const { slug, filter, counts, total, risks, categories, owners, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/risks`;
  const filtered = isFiltered({ ...filter, page: 1 });
  return (
    <>
      <PageHeader
        title="Risks"
        description="What could go wrong, how likely it is, how much it would hurt, and what you are doing about it."
        actions={
          <div className="flex gap-2">
            <a href={`${base}.csv${riskFilterSearch(filter, { page: 1 })}`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {canEdit ? (
              <>
                <AiAction label="Find risks with AI" load={() => import("~/ai/agents/risk-analyst-panel.client")} props={{ slug }} />
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  New risk
                </Link>
              </>
            ) : null}
          </div>
        }
      />
      <div className="space-y-6 p-4 sm:p-8">
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
          <RiskHeatMap counts={counts} filter={filter} base={base} />
          <div className="space-y-4">
            <RiskBandSummary counts={counts} />
            <RiskFilters filter={filter} base={base} options={{ categories, owners }} />
          </div>
        </div>

        <section aria-labelledby="register-title" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="register-title" className="text-sm font-semibold">
              Register
              {filter.likelihood || filter.impact ? (
                <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">
                  {[filter.likelihood && `likelihood ${filter.likelihood}`, filter.impact && `impact ${filter.impact}`].filter(Boolean).join(" × ")}
                </span>
              ) : null}
            </h2>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">Most severe first, then soonest due</p>
          </div>
          {risks.length ? (
            <>
              <RiskRegisterTable rows={risks} base={base} />
              <RegisterPagination filter={filter} total={total} pageSize={REGISTER_PAGE_SIZE} base={base} />
            </>
          ) : (
            <EmptyState
              title={filtered ? "No risk matches these filters" : "No open risks"}
              action={
                filtered ? (
                  <Link to={base} className={buttonClass("secondary")}>
                    Clear the filters
                  </Link>
                ) : canEdit ? (
                  <Link to={`${base}/new`} className={buttonClass("primary")}>
                    Add a risk
                  </Link>
                ) : null
              }
            >
              {filtered
                ? "Try another cell of the heat map, or widen the filters."
                : "Risks that are not closed show up here. Name what could go wrong early, while it is still cheap to act on."}
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
