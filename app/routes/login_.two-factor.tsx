// `login_`: the page sits at /login/two-factor without being nested in the login page's layout.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { loginCodeSchema, loginRecoveryCodeSchema } from "~/modules/accounts/two-factor-schema";
import { completeTwoFactorSignIn, safeRedirect } from "~/services/auth.server";
import { rejected } from "~/services/forms.server";
import { verifySecondFactor } from "~/services/two-factor/second-factor.server";

export const meta: MetaFunction = () => [{ title: "Two-factor authentication · Bearing" }];

type Method = "app" | "recovery";
const methodOf = (value: FormDataEntryValue | null): Method => (value === "recovery" ? "recovery" : "app");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "/");
  if (context.auth) throw redirect(redirectTo);
  if (!context.pendingTwoFactor) throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  return { redirectTo, method: methodOf(url.searchParams.get("method")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = context.pendingTwoFactor;
  if (!pending) throw redirect(context.auth ? "/" : "/login");
  const formData = await request.formData();
  const method = methodOf(formData.get("method"));
  const submission = parseWithZod(formData, { schema: method === "recovery" ? loginRecoveryCodeSchema : loginCodeSchema });
  if (submission.status !== "success") return rejected(submission.reply());

  const value = submission.value;
  const [field, code] = "recoveryCode" in value ? ["recoveryCode", value.recoveryCode] : ["code", value.code];
  const check = await verifySecondFactor(
    context.db,
    context.config,
    { sessionId: pending.session.id, userId: pending.user.id },
    method === "recovery" ? "recovery" : "totp",
    code,
  );
  if (!check.ok) {
    const errors = check.status === 429 ? { formErrors: [check.message] } : { fieldErrors: { [field]: [check.message] } };
    return rejected(submission.reply(errors), check.status);
  }
  return completeTwoFactorSignIn(request, context, value.redirectTo ?? "/");
}

export default function TwoFactorLoginPage() {
  const { redirectTo, method } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const submitting = useIsPending();
  const schema = method === "recovery" ? loginRecoveryCodeSchema : loginCodeSchema;
  const [form, fields] = useForm({
    id: `two-factor-${method}`,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const other = method === "recovery" ? "app" : "recovery";
  const otherLink = `/login/two-factor?${new URLSearchParams({ redirectTo, ...(other === "recovery" ? { method: other } : {}) })}`;

  return (
    <AuthLayout
      title="Two-factor authentication"
      subtitle={
        method === "recovery"
          ? "Enter one of the recovery codes you saved when you turned on two-factor authentication. Each code works once."
          : "Enter the 6-digit code your authenticator app shows for Bearing."
      }
      footer={
        // Leaving here signs out the half-finished session rather than keeping it around.
        <Form method="post" action="/logout">
          <Button variant="ghost">Cancel and sign out</Button>
        </Form>
      }
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <input type="hidden" name="method" value={method} />
        {method === "recovery" ? (
          <Field label="Recovery code" meta={fields.recoveryCode} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        ) : (
          <Field label="Authentication code" meta={fields.code} autoComplete="one-time-code" inputMode="numeric" />
        )}
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Checking…" : "Continue"}
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm">
        <Link to={otherLink} className="text-accent-600 hover:underline dark:text-accent-500">
          {other === "recovery" ? "Use a recovery code" : "Use your authenticator app"}
        </Link>
      </p>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
