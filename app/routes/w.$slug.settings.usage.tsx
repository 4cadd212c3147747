import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Time } from "~/components/dates";
import { Button } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import { DailyBarChart, RankedBars } from "~/modules/usage/usage-charts";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { USAGE_PERIODS } from "~/modules/usage/schema";
import { loadUsageReport, readUsagePeriod } from "~/modules/usage/usage-report.server";

export const meta: MetaFunction = () => [{ title: "Usage · Bearing" }];

/** Admins and owners see how the workspace is used; counts only, never who (docs/decisions/013). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "admin");
  const period = readUsagePeriod(new URL(request.url));
  const report = await loadUsageReport(context.db, workspace.id, period);
  return { period, report };
}

export default function UsagePage() {
  const { period, report } = useLoaderData<typeof loader>();
  const { totals } = report;
  const hasData = totals.pageViews + totals.features + totals.errors > 0;
  return (
    <>
      <PageHeader
        title="Usage"
        description="How this workspace is used: pages visited, features used and errors, counted on our own servers. Events name pages and features, never people."
      />
      <div className="max-w-5xl space-y-8 p-4 sm:p-8">
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <FieldShell label="Period" htmlFor="usage-period">
            <select id="usage-period" name="days" defaultValue={String(period)} key={period} className={`${inputClass} w-44`}>
              {USAGE_PERIODS.map((days) => (
                <option key={days} value={days}>
                  Last {days} days
                </option>
              ))}
            </select>
          </FieldShell>
          <Button variant="secondary">Show</Button>
        </Form>

        {hasData ? (
          <>
            <dl className="grid grid-cols-3 gap-3">
              <Total label="Page views" value={totals.pageViews} />
              <Total label="Features used" value={totals.features} />
              <Total label="Errors" value={totals.errors} />
            </dl>
            <DailyBarChart title={`Page views per day, last ${period} days`} unit="page views" values={report.days.map((day) => ({ day: day.day, value: day.pageViews }))} />
            <div className="grid gap-8 md:grid-cols-2">
              <RankedBars title="Top pages" entries={report.topPages} empty="No page views in this period." />
              <RankedBars title="Top features" entries={report.topFeatures} empty="No features used in this period." />
            </div>
            <DailyBarChart title={`Errors per day, last ${period} days`} unit="errors" tone="danger" values={report.days.map((day) => ({ day: day.day, value: day.errors }))} />
            <RecentErrors errors={report.recentErrors} />
          </>
        ) : (
          <EmptyState title={`No usage in the last ${period} days`}>
            Page views, features used and errors in this workspace are counted here as people work in it.
          </EmptyState>
        )}
      </div>
    </>
  );
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

type RecentError = ReturnType<typeof useLoaderData<typeof loader>>["report"]["recentErrors"][number];

function RecentErrors({ errors }: { errors: readonly RecentError[] }) {
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-medium">Recent errors</h2>
      {errors.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No errors in this period.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  When (UTC)
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Page
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Where
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Trace id
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Message
                </th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error) => (
                <tr key={error.id} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                    <Time value={error.occurredAt} show="date-time" />
                  </td>
                  <td className="px-3 py-2">
                    <code>{error.name}</code>
                  </td>
                  <td className="px-3 py-2">{error.origin === "server" ? "Server" : "Browser"}</td>
                  <td className="px-3 py-2">{error.traceId ? <code className="text-xs">{error.traceId}</code> : "—"}</td>
                  <td className="px-3 py-2 break-words text-zinc-700 dark:text-zinc-300">{error.message ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
