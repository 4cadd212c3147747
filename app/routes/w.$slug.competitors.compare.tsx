import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { ComparisonTable } from "~/modules/competitors/comparison-table";
import { listCompetitors } from "~/modules/competitors/competitors.server";
import { COMPARE_MAX, COMPARE_MIN } from "~/modules/competitors/schema";
import { ThreatBadge } from "~/modules/competitors/threat-badge";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { notFound, requireId } from "~/services/errors.server";

export const meta: MetaFunction = () => [{ title: "Compare competitors · Bearing" }];

/** `?ids=a&ids=b` (what the checkboxes send) or `?ids=a,b` (what people write by hand), in order, once each. */
function requestedIds(url: URL): string[] {
  const ids = url.searchParams.getAll("ids").flatMap((value) => value.split(",")).map((id) => id.trim()).filter(Boolean);
  return [...new Set(ids)].map((id) => requireId(id, "This competitor"));
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const ids = requestedIds(new URL(request.url));
  const all = await listCompetitors(context.db, workspace.id);
  const byId = new Map(all.map((competitor) => [competitor.id, competitor]));
  // Another workspace's competitor answers exactly like one that never existed.
  const chosen = ids.map((id) => byId.get(id) ?? throwNotFound());
  const problem =
    chosen.length > COMPARE_MAX
      ? `Choose at most ${COMPARE_MAX} competitors: ${chosen.length} side by side would not be readable.`
      : chosen.length === 1
        ? "Choose at least one more competitor to compare with."
        : undefined;
  const compared = chosen.length >= COMPARE_MIN && chosen.length <= COMPARE_MAX ? chosen : [];
  return { slug: workspace.slug, all, chosenIds: ids, compared, problem };
}

function throwNotFound(): never {
  throw notFound("This competitor");
}

export default function CompareCompetitorsPage() {
  const { slug, all, chosenIds, compared, problem } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/competitors`;
  const compareHref = (ids: string[]) => `${base}/compare?${ids.map((id) => `ids=${id}`).join("&")}`;
  const picker = (
    <Form method="get" className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium">
          Choose {COMPARE_MIN} to {COMPARE_MAX} competitors
        </legend>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {all.map((competitor) => (
            <li key={competitor.id}>
              <label className="flex cursor-pointer items-center gap-3 rounded-lg border border-zinc-200 px-3 py-2 text-sm has-[:checked]:border-accent-500 has-[:checked]:bg-accent-50 dark:border-zinc-800 dark:has-[:checked]:bg-zinc-900">
                <input type="checkbox" name="ids" value={competitor.id} defaultChecked={chosenIds.includes(competitor.id)} className="size-4 accent-accent-600" />
                <span className="min-w-0 flex-1 truncate font-medium">{competitor.name}</span>
                <ThreatBadge level={competitor.threat_level} />
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button>Compare</Button>
    </Form>
  );
  return (
    <>
      <PageHeader
        title="Compare competitors"
        description="Positioning, strengths, weaknesses and pricing, side by side."
        actions={
          <Link to={base} className={buttonClass("secondary")}>
            All competitors
          </Link>
        }
      />
      <div className="space-y-6 p-4 sm:p-8">
        {all.length < COMPARE_MIN ? (
          <EmptyState
            title="Not enough competitors to compare"
            action={
              <Link to={`${base}/new`} className={buttonClass("primary")}>
                Add a competitor
              </Link>
            }
          >
            A comparison needs at least two competitors in this workspace.
          </EmptyState>
        ) : (
          <>
            {problem ? <Alert tone="warning">{problem}</Alert> : null}
            {compared.length ? (
              <>
                <ComparisonTable
                  competitors={compared}
                  hrefFor={(id) => `${base}/${id}`}
                  removeHref={compared.length > COMPARE_MIN ? (id) => compareHref(chosenIds.filter((other) => other !== id)) : undefined}
                />
                <details className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
                  <summary className="cursor-pointer text-sm font-medium">Change the selection</summary>
                  <div className="mt-3">{picker}</div>
                </details>
              </>
            ) : (
              <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">{picker}</div>
            )}
          </>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
