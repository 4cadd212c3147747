import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { signupSchema } from "~/modules/accounts/schema";
import { requireUser } from "~/services/auth.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "Account · Bearing" }];

const accountSchema = z.object({ name: signupSchema.shape.name });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return { name: user.name, email: user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: accountSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  await context.db.updateTable("users").set({ name: submission.value.name, updated_at: new Date() }).where("id", "=", user.id).execute();
  return { result: submission.reply(), saved: true };
}

export default function AccountSettings() {
  const { name, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(accountSchema),
    defaultValue: { name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountSchema }),
  });
  return (
    <section className="max-w-md">
      <h1 className="text-xl font-semibold tracking-tight">Account</h1>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        {actionData && "saved" in actionData ? <Alert tone="success">Saved.</Alert> : null}
        <Field label="Name" meta={fields.name} autoComplete="name" />
        <div>
          <p className="mb-1 text-sm font-medium">Email</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{email}</p>
        </div>
        <Button>Save</Button>
      </Form>
    </section>
  );
}
