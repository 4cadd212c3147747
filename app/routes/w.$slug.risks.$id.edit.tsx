import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { SourceBadge } from "~/modules/risks/risk-badges";
import { describeRiskConflict } from "~/modules/risks/risk-conflict.server";
import { RiskForm } from "~/modules/risks/risk-form";
import { listRiskFormOptions } from "~/modules/risks/risk-register.server";
import { requireRisk, updateRisk, type Risk } from "~/modules/risks/risks.server";
import { RISK_FIELDS, updateRiskSchema } from "~/modules/risks/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { rejected } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Edit risk · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const risk = await requireRisk(context.db, workspace.id, requireId(params.id, "This risk"));
  return { slug: workspace.slug, risk, options: await listRiskFormOptions(context.db, workspace.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This risk");
  // Another workspace's id answers 404 before the form is even read, exactly like an unknown one.
  await requireRisk(context.db, workspace.id, id);
  const submission = parseWithZod(await request.formData(), { schema: updateRiskSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  try {
    await updateRisk(context.db, workspace.id, user.id, id, version, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const conflict = await describeRiskConflict(context.db, workspace.id, input, error.current as Risk);
      return data({ conflict }, { status: 409 });
    }
    throw error;
  }
  throw redirect(`/w/${workspace.slug}/risks/${id}`);
}

export default function EditRiskPage() {
  const { slug, risk, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/risks/${risk.id}`;
  return (
    <>
      <PageHeader
        title={`Edit ${risk.title}`}
        description={
          <span className="mt-1 flex flex-wrap items-center gap-2">
            <SourceBadge source={risk.source} />
            {risk.transcript_id ? (
              <span>
                Drawn from the transcript{" "}
                <Link to={`/w/${slug}/transcripts/${risk.transcript_id}`} className="font-medium text-accent-600 hover:underline dark:text-accent-500">
                  {risk.transcript_title}
                </Link>
              </span>
            ) : null}
          </span>
        }
      />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={[...RISK_FIELDS]} reloadTo={`${here}/edit`} />
        ) : (
          <RiskForm
            defaultValue={risk}
            version={risk.version}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            options={options}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
