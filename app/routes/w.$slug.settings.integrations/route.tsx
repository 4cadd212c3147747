import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { statusOf } from "~/modules/integrations/action-result";
import { JobList } from "~/modules/integrations/job-progress";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { listJobs } from "~/services/jobs/jobs.server";
import { ConnectionCard } from "./connection-card";
import { runIntegrationsIntent } from "./integrations-actions.server";
import { loadIntegrationsPage } from "./integrations-page.server";
import { SlackPanel } from "./slack-panel";

export const meta: MetaFunction = () => [{ title: "Integrations · Bearing" }];

async function slackContext(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const { workspace, user } = await requireMembership(request, context, slug, "admin");
  return { db: context.db, config: context.config, workspace, actorId: user.id };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const slack = await slackContext(request, context, params.slug);
  const [page, jobs] = await Promise.all([loadIntegrationsPage(context, slack), listJobs(context.db, slack.workspace.id, { limit: 10 })]);
  return { slug: slack.workspace.slug, ...page, jobs };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const slack = await slackContext(request, context, params.slug);
  const result = await runIntegrationsIntent(context, slack, await request.formData());
  return data(result, { status: statusOf(result) });
}

export default function IntegrationsSettings() {
  const { slug, providers, slack, jobs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const connected = providers.find((p) => p.id === search.get("connected") && p.connection);
  return (
    <>
      <PageHeader title="Integrations" description="Connect the tools your team already uses. Only admins see this page." />
      <div className="max-w-4xl space-y-6 p-4 sm:p-8">
        {connected && !result ? <Alert tone="success">{connected.name} is connected.</Alert> : null}
        {result?.notice ? <Alert tone="success">{result.notice}</Alert> : null}
        {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
        {providers.map((provider) => (
          <div key={provider.id} className="space-y-4">
            <ConnectionCard provider={provider} slug={slug} />
            {provider.id === "slack" && slack ? <SlackPanel slack={slack} result={result} /> : null}
            {provider.id === "jira" && provider.connection ? (
              <Link to={`/w/${slug}/integrations/jira`} className={buttonClass("secondary")}>
                Open Jira: import, push and sync
              </Link>
            ) : null}
            {provider.id === "notion" && provider.connection ? (
              <Link to={`/w/${slug}/integrations/notion`} className={buttonClass("secondary")}>
                Open Notion: import pages, export the roadmap
              </Link>
            ) : null}
          </div>
        ))}
        {jobs.length ? <JobList slug={slug} jobs={jobs} /> : null}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
