import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/app-shell";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { TransferSection } from "~/modules/workspace-transfer/transfer-section";
import { getPrioritization } from "~/modules/initiatives/initiatives.server";
import { PrioritizationForm } from "~/modules/initiatives/prioritization-form";
import { setPrioritization } from "~/modules/initiatives/prioritization.server";
import { FRAMEWORK_IDS } from "~/modules/initiatives/scoring";
import { atLeast } from "~/modules/workspaces/roles";
import { DeleteWorkspaceSection } from "~/modules/workspaces/delete-workspace-section";
import { deleteWorkspaceSchema, workspaceSettingsSchema } from "~/modules/workspaces/schema";
import { deleteWorkspace, WORKSPACE_RESTORE_DAYS } from "~/modules/workspaces/workspace-deletion.server";
import { requireMembership, updateWorkspace } from "~/modules/workspaces/workspaces.server";
import { AppError } from "~/services/errors.server";
import { parseIntent, rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "Workspace settings · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const prioritization = await getPrioritization(context.db, workspace.id);
  return { workspace, prioritization, canEdit: atLeast(role, "admin"), isOwner: role === "owner", restoreDays: WORKSPACE_RESTORE_DAYS, origin: context.config.appUrl.origin };
}

// The name and address form sends no intent. Deleting checks its confirmation with deleteWorkspaceSchema.
const workspaceSettingsIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("settings").default("settings") }),
  z.object({ intent: z.literal("delete-workspace") }),
  // Anything but the three frameworks is a tampered form.
  z.object({ intent: z.literal("prioritization"), prioritization: z.enum(FRAMEWORK_IDS, { error: "Choose RICE, WSJF or ICE." }) }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submitted = parseIntent(formData, workspaceSettingsIntents);
  if (submitted.intent === "delete-workspace") {
    const { workspace, user } = await requireMembership(request, context, params.slug, "owner");
    const submission = parseWithZod(formData, { schema: deleteWorkspaceSchema(workspace.name) });
    if (submission.status !== "success") return data({ deleteResult: submission.reply() }, { status: 400 });
    await deleteWorkspace(context.db, workspace.id, user.id);
    throw redirect(`/?deleted=${encodeURIComponent(workspace.id)}`);
  }
  const { workspace, user } = await requireMembership(request, context, params.slug, "admin");
  if (submitted.intent === "prioritization") {
    await setPrioritization(context.db, workspace.id, user.id, submitted.prioritization);
    throw redirect(`/w/${workspace.slug}/settings/workspace`);
  }
  const submission = parseWithZod(formData, { schema: workspaceSettingsSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  try {
    const updated = await updateWorkspace(context.db, workspace.id, submission.value);
    throw redirect(`/w/${updated.slug}/settings/workspace`);
  } catch (error) {
    if (error instanceof AppError) return rejected(submission.reply({ fieldErrors: { slug: [error.message] } }), error.status);
    throw error;
  }
}

export default function WorkspaceSettingsPage() {
  const { workspace, prioritization, canEdit, isOwner, restoreDays, origin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(workspaceSettingsSchema),
    defaultValue: { name: workspace.name, slug: workspace.slug },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: workspaceSettingsSchema }),
  });
  return (
    <>
      <PageHeader title="Workspace" description="Its name, its address and how it prioritises." />
      <div className="max-w-xl space-y-8 p-4 sm:p-8">
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <fieldset disabled={!canEdit} className="space-y-4">
            <Field label="Workspace name" meta={fields.name} />
            <Field label="Address" meta={fields.slug} hint={`${origin}/w/${fields.slug.value ?? workspace.slug} — old links stop working when you change it.`} />
          </fieldset>
          {canEdit ? <Button>Save changes</Button> : <p className="text-sm text-zinc-500">Only admins and owners can change these.</p>}
        </Form>
        <PrioritizationForm current={prioritization} canEdit={canEdit} />
        <TransferSection slug={workspace.slug} canExport={canEdit} />
        {isOwner ? (
          <DeleteWorkspaceSection
            name={workspace.name}
            restoreDays={restoreDays}
            lastResult={actionData && "deleteResult" in actionData ? actionData.deleteResult : undefined}
          />
        ) : null}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
