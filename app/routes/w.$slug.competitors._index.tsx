import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Button, buttonClass } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { listCompetitors } from "~/modules/competitors/competitors.server";
import { THREAT_LEVELS } from "~/modules/competitors/schema";
import { ThreatBadge } from "~/modules/competitors/threat-badge";
import { displayWebsite } from "~/modules/competitors/website-link";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Competitors · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const search = new URL(request.url).searchParams;
  const query = search.get("q")?.trim() || undefined;
  const threat = THREAT_LEVELS.find((level) => level.value === search.get("threat"))?.value;
  const competitors = await listCompetitors(context.db, workspace.id, { query, threat });
  return { slug: workspace.slug, competitors, query, threat, canEdit: atLeast(role, "editor") };
}

export default function CompetitorsPage() {
  const { slug, competitors, query, threat, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/competitors`;
  const filtered = Boolean(query || threat);
  return (
    <>
      <PageHeader
        title="Competitors"
        description="Who else wins your customers, and how you stand against them."
        actions={
          <div className="flex flex-wrap gap-2">
            <Link to={`${base}/compare`} className={buttonClass("secondary")}>
              Compare
            </Link>
            <a href={`${base}.csv`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {canEdit ? (
              <Link to={`${base}/new`} className={buttonClass("primary")}>
                New competitor
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="space-y-4 p-4 sm:p-8">
        <Form method="get" role="search" className="flex max-w-2xl flex-wrap items-center gap-2">
          <div className="min-w-48 flex-1">
            <label htmlFor="competitor-search" className="sr-only">
              Search competitors
            </label>
            <input id="competitor-search" name="q" type="search" defaultValue={query} placeholder="Search competitors" className={inputClass} />
          </div>
          <div className="w-40">
            <label htmlFor="competitor-threat" className="sr-only">
              Threat level
            </label>
            <select id="competitor-threat" name="threat" defaultValue={threat ?? ""} className={inputClass}>
              <option value="">Any threat</option>
              {THREAT_LEVELS.map((level) => (
                <option key={level.value} value={level.value}>
                  {level.label} threat
                </option>
              ))}
            </select>
          </div>
          <Button variant="secondary">Filter</Button>
        </Form>
        {competitors.length === 0 ? (
          <EmptyState
            title={query ? `No competitor matches “${query}”` : filtered ? "No competitor matches this filter" : "No competitors yet"}
            action={
              canEdit && !filtered ? (
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  Add the first competitor
                </Link>
              ) : filtered ? (
                <Link to={base} className={buttonClass("secondary")}>
                  Show all competitors
                </Link>
              ) : null
            }
          >
            Knowing the alternatives your customers weigh keeps positioning and priorities honest.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {competitors.map((competitor) => (
              <li key={competitor.id}>
                <Link
                  to={`${base}/${competitor.id}`}
                  className="flex h-full flex-col rounded-xl border border-zinc-200 p-5 transition-colors hover:border-accent-500 dark:border-zinc-800"
                >
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="truncate font-medium">{competitor.name}</p>
                      {competitor.website ? <p className="truncate text-sm text-zinc-500">{displayWebsite(competitor.website)}</p> : null}
                    </div>
                    <ThreatBadge level={competitor.threat_level} />
                  </div>
                  {competitor.positioning ? (
                    <p className="mt-3 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">{competitor.positioning}</p>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
