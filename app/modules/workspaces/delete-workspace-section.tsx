import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { deleteWorkspaceSchema } from "./schema";

/** Settings → Workspace, owners only: delete the workspace, restorable for 30 days. */
export function DeleteWorkspaceSection({ name, restoreDays, lastResult }: { name: string; restoreDays: number; lastResult?: SubmissionResult<string[]> }) {
  const schema = deleteWorkspaceSchema(name);
  const [form, fields] = useForm({
    id: "delete-workspace",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <section aria-labelledby="delete-workspace-title" className="border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="delete-workspace-title" className="text-sm font-medium text-red-700 dark:text-red-400">
        Delete workspace
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Everyone loses access at once, and its share links stop working. You can restore it from the home page for {restoreDays} days; after that it
        and everything in it are deleted for good.
      </p>
      <Form method="post" className="mt-4 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="delete-workspace" />
        <Field label={`Type “${name}” to confirm`} meta={fields.confirmName} autoComplete="off" />
        <Button variant="danger">Delete workspace</Button>
      </Form>
    </section>
  );
}
