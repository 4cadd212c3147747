import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { notFound, requireId } from "~/services/errors.server";
import { findJob } from "~/services/jobs/jobs.server";

/** One background job's progress as JSON, polled by <JobProgress> while the job runs; editors start imports, so they watch them too. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const job = await findJob(context.db, workspace.id, requireId(params.id, "This job"));
  if (!job) throw notFound("This job");
  return Response.json(job, { headers: { "Cache-Control": "no-store" } });
}
