import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { InitiativeForm } from "~/modules/initiatives/initiative-form";
import { createInitiative, getPrioritization, initiativeChoices, referenceErrors } from "~/modules/initiatives/initiatives.server";
import { initiativeSchema } from "~/modules/initiatives/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { created, rejected, submittedSource } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New initiative · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const [framework, choices] = await Promise.all([getPrioritization(context.db, workspace.id), initiativeChoices(context.db, workspace.id)]);
  // Other screens (a transcript's action item, say) open this form prefilled through the address.
  const search = new URL(request.url).searchParams;
  const prefill = { title: search.get("title")?.slice(0, 200) ?? undefined, problem: search.get("problem")?.slice(0, 5000) ?? undefined };
  return { slug: workspace.slug, framework, choices, prefill };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const framework = await getPrioritization(context.db, workspace.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: initiativeSchema(framework) });
  if (submission.status !== "success") return rejected(submission.reply());
  const fieldErrors = await referenceErrors(context.db, workspace.id, submission.value);
  if (fieldErrors) return rejected(submission.reply({ fieldErrors }));
  const initiative = await createInitiative(context.db, workspace.id, user.id, framework, submission.value, submittedSource(formData));
  return created(formData, `/w/${workspace.slug}/initiatives/${initiative.id}`, initiative.id);
}

export default function NewInitiativePage() {
  const { slug, framework, choices, prefill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <>
      <PageHeader title="New initiative" />
      <div className="p-4 sm:p-8">
        <InitiativeForm framework={framework} choices={choices} defaultValue={prefill} lastResult={lastResult} cancelTo={`/w/${slug}/initiatives`} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
