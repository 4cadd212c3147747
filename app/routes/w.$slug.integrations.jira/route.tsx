import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { Alert } from "~/components/ui/alert";
import { statusOf } from "~/modules/integrations/action-result";
import { JobList } from "~/modules/integrations/job-progress";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { listJobs } from "~/services/jobs/jobs.server";
import { loadJiraPage, runJiraIntent } from "./jira-page.server";
import { JiraPanel } from "./jira-panel";

export const meta: MetaFunction = () => [{ title: "Jira · Bearing" }];

// Editors import, push and sync; choosing the site is an admin's (checked in runJiraIntent).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug, "editor");
  const [jira, jobs] = await Promise.all([loadJiraPage(context, workspace.id, role), listJobs(context.db, workspace.id, { limit: 5, provider: "jira" })]);
  return { slug: workspace.slug, canChooseSite: role === "admin" || role === "owner", jira, jobs };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user, role } = await requireMembership(request, context, params.slug, "editor");
  const result = await runJiraIntent(context, { workspaceId: workspace.id, userId: user.id, role }, await request.formData());
  return data(result, { status: statusOf(result) });
}

export default function JiraIntegration() {
  const { slug, canChooseSite, jira, jobs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="Jira" description="Import epics and issues as initiatives, push initiatives as epics, and keep statuses in sync." />
      <div className="max-w-4xl space-y-6 p-4 sm:p-8">
        {result?.notice ? <Alert tone="success">{result.notice}</Alert> : null}
        {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
        {jira.connected ? (
          <>
            <JiraPanel jira={jira} result={result} canChooseSite={canChooseSite} />
            {jobs.length ? <JobList slug={slug} jobs={jobs} /> : null}
          </>
        ) : (
          <p className="text-sm">
            Jira is not connected. An admin connects it from <Link className="underline" to={`/w/${slug}/settings/integrations`}>Settings → Integrations</Link>.
          </p>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
