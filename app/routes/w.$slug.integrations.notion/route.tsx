import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { Alert } from "~/components/ui/alert";
import { statusOf } from "~/modules/integrations/action-result";
import { JobList } from "~/modules/integrations/job-progress";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { listJobs } from "~/services/jobs/jobs.server";
import { loadNotionPage, runNotionIntent } from "./notion-page.server";
import { NotionPanel } from "./notion-panel";

export const meta: MetaFunction = () => [{ title: "Notion · Bearing" }];

// Editors search, import and export; connecting and disconnecting stay an admin's, on Settings → Integrations.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const [notion, jobs] = await Promise.all([loadNotionPage(context, workspace.id, new URL(request.url)), listJobs(context.db, workspace.id, { limit: 5, provider: "notion" })]);
  return { slug: workspace.slug, notion, jobs };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const result = await runNotionIntent(context, { workspaceId: workspace.id, userId: user.id }, await request.formData());
  return data(result, { status: statusOf(result) });
}

export default function NotionIntegration() {
  const { slug, notion, jobs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Notion" description="Import pages as transcripts; export the roadmap to a Notion database." />
      <div className="max-w-4xl space-y-6 p-4 sm:p-8">
        {result?.notice ? <Alert tone="success">{result.notice}</Alert> : null}
        {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
        {notion.connected ? (
          <>
            <NotionPanel notion={notion} result={result} />
            {jobs.length ? <JobList slug={slug} jobs={jobs} /> : null}
          </>
        ) : (
          <p className="text-sm">
            Notion is not connected. An admin connects it from <Link className="underline" to={`/w/${slug}/settings/integrations`}>Settings → Integrations</Link>.
          </p>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
