import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { RiskForm } from "~/modules/risks/risk-form";
import { listRiskFormOptions } from "~/modules/risks/risk-register.server";
import { createRisk } from "~/modules/risks/risks.server";
import { createRiskSchema } from "~/modules/risks/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { created, rejected, submittedSource } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New risk · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug, options: await listRiskFormOptions(context.db, workspace.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: createRiskSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const risk = await createRisk(context.db, workspace.id, user.id, submission.value, {
    source: submittedSource(formData),
    transcriptId: transcriptReference(formData),
  });
  return created(formData, `/w/${workspace.slug}/risks/${risk.id}`, risk.id);
}

/**
 * The transcript a risk was drawn from, when the AI summariser proposed it from one: a malformed
 * id is a 404 here, and createRisk answers the same for another workspace's transcript.
 */
function transcriptReference(formData: FormData): string | null {
  const value = formData.get("transcript_id");
  return typeof value === "string" && value ? requireId(value, "This transcript") : null;
}

export default function NewRiskPage() {
  const { slug, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <>
      <PageHeader title="New risk" description="Rate how likely it is and how much it would hurt; severity is the product of the two." />
      <div className="p-4 sm:p-8">
        <RiskForm lastResult={lastResult} options={options} cancelTo={`/w/${slug}/risks`} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
