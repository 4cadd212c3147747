import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { PersonaForm } from "~/modules/personas/persona-form";
import { createPersona } from "~/modules/personas/personas.server";
import { createPersonaSchema } from "~/modules/personas/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { created, rejected, submittedSource } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New persona · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: createPersonaSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const persona = await createPersona(context.db, workspace.id, user.id, submission.value, submittedSource(formData));
  return created(formData, `/w/${workspace.slug}/personas/${persona.id}`, persona.id);
}

export default function NewPersonaPage() {
  const { slug } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  return (
    <>
      <PageHeader title="New persona" />
      <div className="p-4 sm:p-8">
        <PersonaForm lastResult={lastResult} cancelTo={`/w/${slug}/personas`} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
