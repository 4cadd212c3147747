import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { OAuthButtons } from "~/components/oauth-buttons";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { authenticate } from "~/modules/accounts/accounts.server";
import { loginSchema } from "~/modules/accounts/schema";
import { requireAnonymous, safeRedirect, signIn } from "~/services/auth.server";
import { rejected } from "~/services/forms.server";
import { configuredProviders } from "~/services/oauth/providers.server";
import { consumeRateLimits, RATE_LIMITS, resetRateLimit } from "~/services/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Log in · Bearing" }];

const NOTICES: Record<string, string> = {
  reset: "Your password was changed and every session signed out. Log in with your new password.",
  verified: "Your email is confirmed. Log in to continue.",
  "account-deleted": "Your account and the data associated with it are deleted. Bearing keeps no copy.",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), "/");
  requireAnonymous(context, redirectTo);
  return { redirectTo, notice: NOTICES[url.searchParams.get("notice") ?? ""] ?? null, oauthProviders: configuredProviders(context.config) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") return rejected(submission.reply({ hideFields: ["password"] }));
  const { email, password, redirectTo } = submission.value;
  const secret = context.config.sessionSecret;

  const limit = await consumeRateLimits(context.db, secret, [
    [RATE_LIMITS.loginByIp, context.ip],
    [RATE_LIMITS.loginByAccount, email],
  ]);
  if (!limit.allowed) {
    return rejected(
      submission.reply({ formErrors: [`Too many attempts. Try again in ${limit.retryAfterSeconds} seconds.`], hideFields: ["password"] }),
      429,
    );
  }
  const user = await authenticate(context.db, email, password);
  if (!user) return rejected(submission.reply({ formErrors: ["That email and password do not match an account."], hideFields: ["password"] }));

  await resetRateLimit(context.db, secret, RATE_LIMITS.loginByAccount, email);
  return signIn(request, context, user.id, redirectTo ?? "/");
}

export default function LoginPage() {
  const { redirectTo, notice, oauthProviders } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const submitting = useIsPending();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(loginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });

  return (
    <AuthLayout
      title="Log in to Bearing"
      footer={
        <>
          New here? <TextLink to={redirectTo === "/" ? "/signup" : `/signup?redirectTo=${encodeURIComponent(redirectTo)}`}>Create an account</TextLink>
        </>
      }
    >
      <OAuthButtons providers={oauthProviders} redirectTo={redirectTo} />
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        <div className="flex justify-end text-sm">
          <Link to="/forgot-password" className="text-accent-600 hover:underline dark:text-accent-500">
            Forgot password?
          </Link>
        </div>
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Logging in…" : "Log in"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
