import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AiAction } from "~/ai/components/ai-action";
import { PageHeader } from "~/components/app-shell";
import { EditDeleteActions } from "~/components/confirm-delete";
import { Time } from "~/components/dates";
import { SafeMarkdown } from "~/components/safe-markdown";
import { addInitiativeLink, removeInitiativeLink, requireInitiativeDetail } from "~/modules/initiatives/initiative-detail.server";
import { InitiativeLinks } from "~/modules/initiatives/initiative-links";
import { deleteInitiative, getInitiative, getPrioritization } from "~/modules/initiatives/initiatives.server";
import { detectLink } from "~/modules/initiatives/links";
import { linkSchema } from "~/modules/initiatives/schema";
import { ScoreWithFormula } from "~/modules/initiatives/score-with-formula";
import { StatusBadge } from "~/modules/initiatives/status-badge";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { AppError, notFound, requireId } from "~/services/errors.server";
import { formText, parseIntent, rejected } from "~/services/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.initiative.title} · Bearing` : "Initiative · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const id = requireId(params.id, "This initiative");
  const [detail, framework] = await Promise.all([requireInitiativeDetail(context.db, workspace.id, id), getPrioritization(context.db, workspace.id)]);
  return { slug: workspace.slug, ...detail, framework, canEdit: atLeast(role, "editor") };
}

// The link's own fields are the add-link form's, checked by linkSchema.
const initiativePageIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("add-link") }),
  z.object({ intent: z.literal("remove-link"), linkId: formText }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This initiative");
  // Another workspace's id answers 404 whatever the form asks, exactly like an unknown one.
  if (!(await getInitiative(context.db, workspace.id, id))) throw notFound("This initiative");
  const form = await request.formData();
  const submitted = parseIntent(form, initiativePageIntents, "This page can delete the initiative and add or remove its links.");
  switch (submitted.intent) {
    case "delete":
      await deleteInitiative(context.db, workspace.id, user.id, id);
      throw redirect(`/w/${workspace.slug}/initiatives`);
    case "add-link": {
      const submission = parseWithZod(form, { schema: linkSchema });
      if (submission.status !== "success") return rejected(submission.reply());
      const link = detectLink(submission.value.url);
      if ("error" in link) return rejected(submission.reply({ fieldErrors: { url: [link.error] } }));
      try {
        await addInitiativeLink(context.db, workspace.id, user.id, id, link);
      } catch (error) {
        if (error instanceof AppError && error.status === 409) return rejected(submission.reply({ fieldErrors: { url: [error.message] } }), 409);
        throw error;
      }
      throw redirect(`/w/${workspace.slug}/initiatives/${id}`);
    }
    case "remove-link":
      await removeInitiativeLink(context.db, workspace.id, user.id, id, requireId(submitted.linkId, "This link"));
      throw redirect(`/w/${workspace.slug}/initiatives/${id}`);
  }
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-sm">{children}</dd>
    </div>
  );
}

const none = <span className="text-zinc-400 dark:text-zinc-500">—</span>;

export default function InitiativePage() {
  const { slug, initiative, owner, personas, links, framework, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const list = `/w/${slug}/initiatives`;
  return (
    <>
      <PageHeader
        title={initiative.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={initiative.status} />
            <ScoreWithFormula framework={framework} values={initiative} />
          </span>
        }
        actions={
          canEdit ? (
            <div className="flex flex-wrap items-center gap-2">
              <AiAction
                label="Write a one-pager with AI"
                load={() => import("~/ai/agents/drafting/initiative-one-pager-panel.client")}
                props={{
                  slug,
                  initiative: { id: initiative.id, title: initiative.title, problem: initiative.problem, description: initiative.description, version: initiative.version },
                }}
              />
              <EditDeleteActions what={initiative.title} />
            </div>
          ) : null
        }
      />
      <div className="grid gap-8 p-4 sm:p-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="problem-title">
            <h2 id="problem-title" className="text-sm font-semibold">
              Problem
            </h2>
            <p className="mt-1 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{initiative.problem || none}</p>
          </section>
          <section aria-labelledby="description-title">
            <h2 id="description-title" className="mb-2 text-sm font-semibold">
              Description
            </h2>
            {initiative.description ? <SafeMarkdown>{initiative.description}</SafeMarkdown> : none}
          </section>
        </div>
        <aside className="space-y-6">
          <dl className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <Detail label="Owner">{owner ? owner.name : none}</Detail>
            <Detail label="Target quarter">{initiative.target_quarter ?? none}</Detail>
            <Detail label="Personas">
              {personas.length === 0
                ? none
                : personas.map((persona, index) => (
                    <span key={persona.id}>
                      {index > 0 ? ", " : null}
                      <Link to={`/w/${slug}/personas/${persona.id}`} className="hover:underline">
                        {persona.name}
                      </Link>
                    </span>
                  ))}
            </Detail>
            <Detail label="Tags">
              {initiative.tags.length === 0 ? (
                none
              ) : (
                <span className="flex flex-wrap gap-1">
                  {initiative.tags.map((tag) => (
                    <Link key={tag} to={`${list}?tag=${encodeURIComponent(tag)}`} className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700">
                      {tag}
                    </Link>
                  ))}
                </span>
              )}
            </Detail>
            <Detail label="Updated">
              <Time value={initiative.updated_at} />
              {initiative.source !== "manual" ? <span className="text-zinc-500"> · from {initiative.source}</span> : null}
            </Detail>
          </dl>
          <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            {/* Remounted when a link is added or removed: the field empties after a success, keeps its text after an error. */}
            <InitiativeLinks key={links.map((l) => l.id).join()} links={links} canEdit={canEdit} lastResult={actionData?.result} />
          </div>
          <p className="text-xs text-zinc-500">
            <Link to={list} className="hover:underline">
              ← All initiatives
            </Link>
          </p>
        </aside>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
