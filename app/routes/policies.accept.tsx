import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { Button } from "~/components/ui/button";
import { changesToAccept, POLICY_UPDATED, POLICY_VERSION } from "~/modules/accounts/policies";
import { acceptCurrentPolicies } from "~/modules/accounts/policy-acceptance.server";
import { PolicyCheckboxes } from "~/modules/accounts/policy-checkboxes";
import { acceptPoliciesSchema } from "~/modules/accounts/schema";
import { requireUser, safeRedirect } from "~/services/auth.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "Updated Terms and Privacy Policy · Bearing" }];

/** Where app/server/policy-check.ts sends a signed-in user after a material change to the policies. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  const changes = changesToAccept(user.policy_version);
  if (changes.length === 0) throw redirect(redirectTo);
  return { redirectTo, version: POLICY_VERSION, updated: POLICY_UPDATED, changes: changes.map(({ version, updated, changes }) => ({ version, updated, changes })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: acceptPoliciesSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  await acceptCurrentPolicies(context.db, user.id);
  throw redirect(safeRedirect(submission.value.redirectTo));
}

export default function AcceptPoliciesPage() {
  const { redirectTo, version, updated, changes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(acceptPoliciesSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptPoliciesSchema }),
  });
  return (
    <AuthLayout
      title="Our Terms and Privacy Policy have changed"
      subtitle={`Version ${version}, updated ${updated}. Please read what changed and accept to continue.`}
      footer={<TextLink to="/logout">Log out instead</TextLink>}
    >
      <ul className="space-y-3 text-sm" aria-label="What changed">
        {changes.map((entry) => (
          <li key={entry.version}>
            <p className="font-medium">{entry.updated}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-zinc-600 dark:text-zinc-400">
              {entry.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-6 space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <PolicyCheckboxes acceptPolicies={fields.acceptPolicies} />
        <Button className="w-full">Accept and continue</Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
