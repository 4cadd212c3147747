import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { PersonaForm } from "~/modules/personas/persona-form";
import { createPersona } from "~/modules/personas/personas.server";
import { createPersonaSchema } from "~/modules/personas/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New persona · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const submission = parseWithZod(await request.formData(), { schema: createPersonaSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const persona = await createPersona(context.db, workspace.id, user.id, submission.value);
  throw redirect(`/w/${workspace.slug}/personas/${persona.id}`);
}

export default function NewPersonaPage() {
  const { slug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
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
