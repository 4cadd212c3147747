import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { Button, buttonClass } from "~/components/ui/button";
import { inputClass, FieldShell } from "~/components/ui/field";
import { ActivityFeed } from "~/modules/activity/activity-feed";
import { ACTIVITY_PAGE_SIZE, activityQuery, readActivityFilter } from "~/modules/activity/activity-filter";
import { ITEM_LABELS, ITEM_TYPES } from "~/modules/activity/item-links";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { listActivity } from "~/modules/activity/activity.server";

export const meta: MetaFunction = () => [{ title: "Activity · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const filter = readActivityFilter(new URL(request.url));
  // One row past the page tells whether there is an older page.
  const rows = await listActivity(context.db, workspace.id, { ...filter, limit: ACTIVITY_PAGE_SIZE + 1 });
  const entries = rows.slice(0, ACTIVITY_PAGE_SIZE);
  const older = rows.length > ACTIVITY_PAGE_SIZE ? entries.at(-1)!.id : null;
  return { slug: workspace.slug, entries, filter, older, now: Date.now() };
}

export default function ActivityPage() {
  const { slug, entries, filter, older, now } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const base = `/w/${slug}/settings/activity`;
  const typeOnly = { entityType: filter.entityType };
  return (
    <>
      <PageHeader
        title="Activity"
        description="Who changed what in this workspace, and when."
        actions={
          <a href={`/w/${slug}/settings/activity.csv${activityQuery(typeOnly)}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        }
      />
      <div className="max-w-4xl space-y-4 p-4 sm:p-8">
        <Form method="get" className="flex flex-wrap items-end gap-2" onChange={(event) => submit(event.currentTarget)}>
          <FieldShell label="Show" htmlFor="activity-type">
            <select id="activity-type" name="type" defaultValue={filter.entityType ?? ""} key={filter.entityType ?? ""} className={`${inputClass} w-56`}>
              <option value="">Everything</option>
              {ITEM_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ITEM_LABELS[type].many}
                </option>
              ))}
            </select>
          </FieldShell>
          <Button variant="secondary">Filter</Button>
        </Form>

        {entries.length === 0 ? (
          <EmptyState title={filter.before ? "No older activity" : filter.entityType ? `No activity on ${ITEM_LABELS[filter.entityType].many.toLowerCase()} yet` : "No activity yet"}>
            Every time someone creates, changes or deletes something in this workspace, it is listed here with who did it and when.
          </EmptyState>
        ) : (
          <div className="rounded-xl border border-zinc-200 px-4 sm:px-5 dark:border-zinc-800">
            <ActivityFeed slug={slug} entries={entries} now={now} />
          </div>
        )}

        <nav aria-label="Pages" className="flex justify-between gap-2">
          {filter.before ? (
            <Link to={`${base}${activityQuery(typeOnly)}`} className={buttonClass("ghost", "sm")}>
              ← Newest
            </Link>
          ) : (
            <span />
          )}
          {older ? (
            <Link to={`${base}${activityQuery({ ...typeOnly, before: older })}`} className={buttonClass("secondary", "sm")} rel="next">
              Older →
            </Link>
          ) : null}
        </nav>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
