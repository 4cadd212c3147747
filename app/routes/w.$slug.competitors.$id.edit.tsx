import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { CompetitorForm } from "~/modules/competitors/competitor-form";
import { requireCompetitor, updateCompetitor } from "~/modules/competitors/competitors.server";
import { COMPETITOR_FIELDS, updateCompetitorSchema } from "~/modules/competitors/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { rejected, saved } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Edit competitor · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const competitor = await requireCompetitor(context.db, workspace.id, requireId(params.id, "This competitor"));
  return { slug: workspace.slug, competitor };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  // Another workspace's id answers 404 before the form is even read, never a 400.
  const { id } = await requireCompetitor(context.db, workspace.id, requireId(params.id, "This competitor"));
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: updateCompetitorSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  try {
    await updateCompetitor(context.db, workspace.id, user.id, id, version, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as Awaited<ReturnType<typeof requireCompetitor>>;
      const pick = (source: Record<string, unknown>) => Object.fromEntries(COMPETITOR_FIELDS.map((f) => [f.name, String(source[f.name] ?? "")]));
      return data({ conflict: { mine: pick(input), theirs: pick(current), version: current.version } }, { status: 409 });
    }
    throw error;
  }
  return saved(formData, `/w/${workspace.slug}/competitors/${id}`);
}

export default function EditCompetitorPage() {
  const { slug, competitor } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/competitors/${competitor.id}`;
  return (
    <>
      <PageHeader title={`Edit ${competitor.name}`} />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={[...COMPETITOR_FIELDS]} reloadTo={`${here}/edit`} />
        ) : (
          <CompetitorForm
            defaultValue={competitor}
            version={competitor.version}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
