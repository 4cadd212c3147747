import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { PersonaForm } from "~/modules/personas/persona-form";
import { requirePersona, updatePersona } from "~/modules/personas/personas.server";
import { PERSONA_FIELDS, updatePersonaSchema } from "~/modules/personas/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { rejected } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Edit persona · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const persona = await requirePersona(context.db, workspace.id, requireId(params.id, "This persona"));
  return { slug: workspace.slug, persona };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This persona");
  const submission = parseWithZod(await request.formData(), { schema: updatePersonaSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  try {
    await updatePersona(context.db, workspace.id, user.id, id, version, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as Awaited<ReturnType<typeof requirePersona>>;
      const pick = (source: Record<string, unknown>) => Object.fromEntries(PERSONA_FIELDS.map((f) => [f.name, String(source[f.name] ?? "")]));
      return data({ conflict: { mine: pick(input), theirs: pick(current), version: current.version } }, { status: 409 });
    }
    throw error;
  }
  throw redirect(`/w/${workspace.slug}/personas/${id}`);
}

export default function EditPersonaPage() {
  const { slug, persona } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/personas/${persona.id}`;
  return (
    <>
      <PageHeader title={`Edit ${persona.name}`} />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={[...PERSONA_FIELDS]} reloadTo={`${here}/edit`} />
        ) : (
          <PersonaForm
            defaultValue={persona}
            version={persona.version}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
