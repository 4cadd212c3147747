import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { createWorkspaceSchema } from "~/modules/workspaces/schema";
import { createWorkspace, listWorkspacesForUser } from "~/modules/workspaces/workspaces.server";
import { requireVerifiedUser } from "~/services/auth.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New workspace · Bearing" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireVerifiedUser(request, context);
  const workspaces = await listWorkspacesForUser(context.db, user.id);
  return { firstWorkspace: workspaces.length === 0 };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireVerifiedUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: createWorkspaceSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const workspace = await createWorkspace(context.db, user.id, submission.value.name);
  throw redirect(`/w/${workspace.slug}`);
}

export default function NewWorkspacePage() {
  const { firstWorkspace } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const submitting = useIsPending();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(createWorkspaceSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createWorkspaceSchema }),
  });
  return (
    <AuthLayout
      title={firstWorkspace ? "Create your first workspace" : "Create a workspace"}
      subtitle="A workspace holds one product's vision, roadmap, risks and meetings, shared with your team."
      footer={firstWorkspace ? <TextLink to="/logout">Log out</TextLink> : <TextLink to="/">Back</TextLink>}
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <Field label="Workspace name" meta={fields.name} placeholder="Acme Checkout" autoComplete="organization" />
        <Button className="w-full" disabled={submitting}>
          Create workspace
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Moving a workspace? <TextLink to="/w/import">Import from a Bearing export</TextLink>
      </p>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
