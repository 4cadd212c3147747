import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { isEmailTokenUsable, resetPassword } from "~/modules/accounts/accounts.server";
import { resetPasswordSchema } from "~/modules/accounts/schema";
import { clearedSessionCookie } from "~/services/session.server";
import { rejected } from "~/services/forms.server";
import { passwordWeakness } from "~/services/password.server";
import { consumeRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Bearing" }];

const DEAD_LINK = "This reset link has expired or was already used. Ask for a new one.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await isEmailTokenUsable(context.db, token, "reset_password") : false };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success") return rejected(submission.reply({ hideFields: ["password"] }));
  const { token, password } = submission.value;

  const limit = await consumeRateLimit(context.db, context.config.sessionSecret, RATE_LIMITS.resetByIp, context.ip);
  if (!limit.allowed) {
    return rejected(submission.reply({ formErrors: [`Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.`], hideFields: ["password"] }), 429);
  }
  const weakness = await passwordWeakness(password);
  if (weakness) return rejected(submission.reply({ fieldErrors: { password: [weakness] }, hideFields: ["password"] }));
  if (!(await resetPassword(context.db, token, password))) {
    return rejected(submission.reply({ formErrors: [DEAD_LINK], hideFields: ["password"] }), 410);
  }
  // Every session of the account ended, this browser's included.
  throw redirect("/login?notice=reset", { headers: { "Set-Cookie": clearedSessionCookie(context.config.secure) } });
}

export default function ResetPasswordPage() {
  const { token, usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const submitting = useIsPending();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(resetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  });

  if (!usable) {
    return (
      <AuthLayout title="Link expired" footer={<TextLink to="/login">Back to log in</TextLink>}>
        <Alert tone="error">{DEAD_LINK}</Alert>
        <p className="mt-4 text-sm">
          <TextLink to="/forgot-password">Send me a new link</TextLink>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Choose a new password" subtitle="Saving it signs you out on every device.">
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="token" value={token} />
        <Field label="New password" meta={fields.password} type="password" autoComplete="new-password" hint="At least 10 characters and at most 72 bytes (about 72 plain letters)." />
        <Button className="w-full" disabled={submitting}>
          Save new password
        </Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
