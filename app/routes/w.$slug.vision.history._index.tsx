import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Time } from "~/components/dates";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import { listVisionVersions } from "~/modules/vision/vision.server";
import { diffVisionVersions } from "~/modules/vision/vision-diff";
import { DiffLegend, FieldDiffView } from "~/modules/vision/vision-diff-view";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { notFound } from "~/services/errors.server";

export const meta: MetaFunction = () => [{ title: "Vision history · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const versions = await listVisionVersions(context.db, workspace.id);
  const latest = versions[0]?.number ?? 0;
  const search = new URL(request.url).searchParams;
  // By default: what the last save changed.
  const pick = (name: string, fallback: number) => {
    const raw = search.get(name);
    const number = raw === null || raw === "" ? fallback : Number(raw);
    const version = versions.find((v) => v.number === number);
    if (!version && latest) throw notFound("This version of the vision");
    return version;
  };
  const from = pick("from", Math.max(latest - 1, 1));
  const to = pick("to", latest);
  const diff = from && to && from.number !== to.number ? diffVisionVersions(from, to) : undefined;
  return {
    slug: workspace.slug,
    versions: versions.map(({ id, number, author_name, created_at, source }) => ({ id, number, author_name, created_at, source })),
    from: from?.number,
    to: to?.number,
    diff,
  };
}

export default function VisionHistoryPage() {
  const { slug, versions, from, to, diff } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/vision`;
  return (
    <>
      <PageHeader
        title="Vision history"
        description="Every saved version of the vision, and what changed between any two."
        actions={
          <div className="flex flex-wrap gap-2">
            {versions.length ? (
              <a href={`${base}.csv`} className={buttonClass("secondary")} download>
                Export CSV
              </a>
            ) : null}
            <Link to={base} className={buttonClass("secondary")}>
              Current vision
            </Link>
          </div>
        }
      />
      {versions.length === 0 ? (
        <EmptyState title="No versions yet">The history starts with the first save of the vision.</EmptyState>
      ) : (
        <div className="grid gap-8 p-4 sm:p-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0 space-y-4">
            <Form method="get" className="flex flex-wrap items-end gap-3 rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900/40">
              <VersionSelect name="from" label="Compare version" numbers={versions.map((v) => v.number)} defaultValue={from} />
              <VersionSelect name="to" label="with version" numbers={versions.map((v) => v.number)} defaultValue={to} />
              <Button variant="secondary">Show changes</Button>
            </Form>
            {diff ? (
              <>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">
                    Changes from version {from} to version {to}
                  </h2>
                  <DiffLegend />
                </div>
                {diff.every((field) => !field.changed) ? <Alert tone="info">These two versions say exactly the same thing.</Alert> : null}
                {diff.map((field) => (
                  <FieldDiffView key={field.name} diff={field} />
                ))}
              </>
            ) : (
              <Alert tone="info">
                {versions.length === 1 ? "There is only one version so far: changes show up here after the next save." : "Choose two different versions to see what changed."}
              </Alert>
            )}
          </div>
          <aside aria-labelledby="versions-title">
            <h2 id="versions-title" className="text-sm font-semibold">
              {versions.length === 1 ? "1 version" : `${versions.length} versions`}
            </h2>
            <ol className="mt-3 space-y-1">
              {versions.map((v) => (
                <li key={v.id} className="rounded-lg px-3 py-2 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <div className="flex items-baseline justify-between gap-2">
                    <Link to={`${base}/history/${v.number}`} className="font-medium hover:underline">
                      Version {v.number}
                    </Link>
                    {v.number > 1 ? (
                      <Link to={`${base}/history?from=${v.number - 1}&to=${v.number}`} className="text-xs text-accent-600 hover:underline dark:text-accent-500">
                        Changes<span className="sr-only"> in version {v.number}</span>
                      </Link>
                    ) : null}
                  </div>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {v.author_name ?? "A former member"} · <Time value={v.created_at} show="date-time" />
                  </p>
                </li>
              ))}
            </ol>
          </aside>
        </div>
      )}
    </>
  );
}

function VersionSelect({ name, label, numbers, defaultValue }: { name: string; label: string; numbers: number[]; defaultValue?: number }) {
  return (
    <FieldShell label={label} htmlFor={`diff-${name}`}>
      <select id={`diff-${name}`} name={name} defaultValue={defaultValue} className={`${inputClass} w-auto`}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            Version {number}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
