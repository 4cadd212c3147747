import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { describeConflict, type InitiativeValues } from "~/modules/initiatives/initiative-conflict";
import { InitiativeForm, initiativeFormValue } from "~/modules/initiatives/initiative-form";
import { getPrioritization, initiativeChoices, referenceErrors, requireInitiative, updateInitiative } from "~/modules/initiatives/initiatives.server";
import { conflictFields, updateInitiativeSchema } from "~/modules/initiatives/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { parseIntent, rejected } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";
import { onePagerAction } from "./save-one-pager.server";
import { saveRiceScores } from "./save-rice-scores.server";

export const meta: MetaFunction = () => [{ title: "Edit initiative · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This initiative");
  const [initiative, framework, choices] = await Promise.all([
    requireInitiative(context.db, workspace.id, id),
    getPrioritization(context.db, workspace.id),
    initiativeChoices(context.db, workspace.id),
  ]);
  return { slug: workspace.slug, initiative, framework, choices };
}

// The edit form itself sends no intent; each form's fields are checked by its own schema.
const initiativeEditIntents = z.object({ intent: z.enum(["edit", "scores", "one-pager"]).default("edit") });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This initiative");
  // Another workspace's id answers 404 before the form is even read, exactly like an unknown one.
  const [, framework] = await Promise.all([requireInitiative(context.db, workspace.id, id), getPrioritization(context.db, workspace.id)]);
  const formData = await request.formData();
  const { intent } = parseIntent(formData, initiativeEditIntents);
  // Recommendations save RICE estimates alone, without rewriting the rest of the form.
  if (intent === "scores") return saveRiceScores(context.db, workspace, user.id, id, formData);
  // The AI one-pager replaces the problem and description alone (PRODUCT.md §4, drafting helpers).
  if (intent === "one-pager") return onePagerAction(context.db, { workspaceId: workspace.id, slug: workspace.slug, actorId: user.id, id, framework }, formData);
  const submission = parseWithZod(formData, { schema: updateInitiativeSchema(framework) });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  const fieldErrors = await referenceErrors(context.db, workspace.id, input);
  if (fieldErrors) return rejected(submission.reply({ fieldErrors }));
  try {
    await updateInitiative(context.db, workspace.id, user.id, id, version, framework, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as InitiativeValues & { version: number };
      const names = await initiativeChoices(context.db, workspace.id);
      return data({ conflict: describeConflict(framework, input, current, names), framework }, { status: 409 });
    }
    throw error;
  }
  throw redirect(`/w/${workspace.slug}/initiatives/${id}`);
}

export default function EditInitiativePage() {
  const { slug, initiative, framework, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/initiatives/${initiative.id}`;
  return (
    <>
      <PageHeader title={`Edit ${initiative.title}`} />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={conflictFields(actionData.framework)} reloadTo={`${here}/edit`} />
        ) : (
          <InitiativeForm
            framework={framework}
            choices={choices}
            defaultValue={initiativeFormValue(initiative)}
            version={initiative.version}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
