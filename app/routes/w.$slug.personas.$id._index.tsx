import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { EditDeleteActions } from "~/components/confirm-delete";
import { deletePersona, listPersonaInitiatives, requirePersona } from "~/modules/personas/personas.server";
import { PERSONA_FIELDS } from "~/modules/personas/schema";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { deleteIntent, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.persona.name} · Bearing` : "Persona · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const persona = await requirePersona(context.db, workspace.id, requireId(params.id, "This persona"));
  const initiatives = await listPersonaInitiatives(context.db, workspace.id, persona.id);
  return { slug: workspace.slug, persona, initiatives, canEdit: atLeast(role, "editor") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const persona = await requirePersona(context.db, workspace.id, requireId(params.id, "This persona"));
  parseIntent(await request.formData(), deleteIntent, "This page only knows how to delete.");
  await deletePersona(context.db, workspace.id, user.id, persona.id);
  throw redirect(`/w/${workspace.slug}/personas`);
}

export default function PersonaPage() {
  const { slug, persona, initiatives, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={persona.name}
        description={persona.segment || undefined}
        actions={
          canEdit ? <EditDeleteActions what={persona.name} /> : null
        }
      />
      <div className="max-w-3xl space-y-6 p-4 sm:p-8">
        {persona.quote ? <blockquote className="border-l-4 border-accent-500 pl-4 text-lg italic">“{persona.quote}”</blockquote> : null}
        <dl className="space-y-5">
          {PERSONA_FIELDS.filter((f) => !["name", "segment", "quote"].includes(f.name)).map((field) => (
            <div key={field.name}>
              <dt className="text-sm font-semibold">{field.label}</dt>
              <dd className="mt-1 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{persona[field.name] || <span className="text-zinc-400">—</span>}</dd>
            </div>
          ))}
        </dl>
        <section>
          <h2 className="text-sm font-semibold">Initiatives for {persona.name}</h2>
          {initiatives.length ? (
            <ul className="mt-2 space-y-1 text-sm">
              {initiatives.map((initiative) => (
                <li key={initiative.id}>
                  <Link to={`/w/${slug}/initiatives/${initiative.id}`} className="text-accent-600 hover:underline dark:text-accent-500">
                    {initiative.title}
                  </Link>{" "}
                  <span className="text-xs text-zinc-500">{initiative.status.replace("_", " ")}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-zinc-500">No initiative is linked to this persona yet. Link one from the initiative’s page.</p>
          )}
        </section>
        <p className="text-xs text-zinc-500">
          <Link to={`/w/${slug}/personas`} className="hover:underline">
            ← All personas
          </Link>
        </p>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
