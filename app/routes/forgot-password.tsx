import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { findUserByEmail, issueEmailToken } from "~/modules/accounts/accounts.server";
import { forgotPasswordSchema } from "~/modules/accounts/schema";
import { emails } from "~/services/email-templates.server";
import { sendInBackground } from "~/services/email.server";
import { rejected } from "~/services/forms.server";
import { consumeRateLimits, RATE_LIMITS } from "~/services/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Forgot password · Bearing" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { email } = submission.value;

  const limit = await consumeRateLimits(context.db, context.config.sessionSecret, [
    [RATE_LIMITS.resetByIp, context.ip],
    [RATE_LIMITS.resetByAccount, email],
  ]);
  if (!limit.allowed) {
    return rejected(submission.reply({ formErrors: [`Too many reset requests. Try again in ${limit.retryAfterSeconds} seconds.`] }), 429);
  }
  // The lookup happens after the answer leaves, so neither the page nor its timing tells who has an account.
  sendInBackground(context.mailer, context.logger, async () => {
    const user = await findUserByEmail(context.db, email);
    if (!user) return null;
    const token = await issueEmailToken(context.db, user, "reset_password");
    const link = new URL("/reset-password", context.config.appUrl);
    link.searchParams.set("token", token);
    return emails.resetPassword(user.email, link.href);
  });
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const submitting = useIsPending();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(forgotPasswordSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter the email of your account and we will send you a link to choose a new password."
      footer={<TextLink to="/login">Back to log in</TextLink>}
    >
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {actionData && "sent" in actionData ? (
          <Alert tone="success">If an account exists for that email, a reset link is on its way. It expires in 1 hour.</Alert>
        ) : null}
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Button className="w-full" disabled={submitting}>
          Send reset link
        </Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
