import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AiAction } from "~/ai/components/ai-action";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { buttonClass } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { listPersonas } from "~/modules/personas/personas.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Personas · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const query = new URL(request.url).searchParams.get("q")?.trim() || undefined;
  const personas = await listPersonas(context.db, workspace.id, { query });
  return { slug: workspace.slug, personas, query, canEdit: atLeast(role, "editor") };
}

export default function PersonasPage() {
  const { slug, personas, query, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/personas`;
  return (
    <>
      <PageHeader
        title="Personas"
        description="Who you build for: their goals, pains and jobs to be done."
        actions={
          <div className="flex gap-2">
            <a href={`/w/${slug}/personas.csv`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {canEdit ? (
              <>
                <AiAction label="Draft a persona with AI" load={() => import("~/ai/agents/drafting/persona-drafter-panel.client")} props={{ slug }} />
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  New persona
                </Link>
              </>
            ) : null}
          </div>
        }
      />
      <div className="space-y-4 p-4 sm:p-8">
        <Form method="get" role="search" className="max-w-sm">
          <label htmlFor="persona-search" className="sr-only">
            Search personas
          </label>
          <input id="persona-search" name="q" type="search" defaultValue={query} placeholder="Search personas" className={inputClass} />
        </Form>
        {personas.length === 0 ? (
          <EmptyState
            title={query ? `No persona matches “${query}”` : "No personas yet"}
            action={
              canEdit && !query ? (
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  Create the first persona
                </Link>
              ) : null
            }
          >
            Personas keep the team’s decisions anchored to real people and their jobs to be done.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {personas.map((persona) => (
              <li key={persona.id}>
                <Link
                  to={`${base}/${persona.id}`}
                  className="block h-full rounded-xl border border-zinc-200 p-5 transition-colors hover:border-accent-500 dark:border-zinc-800"
                >
                  <p className="font-medium">{persona.name}</p>
                  {persona.segment ? <p className="text-sm text-zinc-500">{persona.segment}</p> : null}
                  {persona.quote ? <p className="mt-3 line-clamp-3 text-sm text-zinc-600 italic dark:text-zinc-400">“{persona.quote}”</p> : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
