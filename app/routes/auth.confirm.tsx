import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { issueEmailToken } from "~/modules/accounts/accounts.server";
import { requireAnonymous, safeRedirect, signIn } from "~/services/auth.server";
import { emails } from "~/services/email-templates.server";
import { sendInBackground } from "~/services/email.server";
import { rejected } from "~/services/forms.server";
import { completePendingSignup, findPendingSignup } from "~/modules/accounts/pending-signups.server";
import { clearedSessionCookie, readSessionToken } from "~/services/session.server";
import { PROVIDER_NAMES } from "~/services/oauth/providers.server";
import { signupSchema } from "~/modules/accounts/schema";
import { PolicyCheckboxes } from "~/modules/accounts/policy-checkboxes";

export const meta: MetaFunction = () => [{ title: "Create your account · Bearing" }];

// The same two promises as the sign-up form (PRODUCT.md §2, privacy promise 9).
const confirmSchema = z.object({
  ageConfirmed: signupSchema.shape.ageConfirmed,
  acceptPolicies: signupSchema.shape.acceptPolicies,
  redirectTo: z.string().max(2000).optional(),
});

const EXPIRED = {
  title: "This sign-up has expired",
  message: "Too much time passed since you came back from the provider. Start again: it takes a few seconds.",
};

/**
 * A first sign-in with Google or Microsoft: the person sees what the provider told us, confirms
 * their age and accepts the policies, and only then does the account exist. The pending sign-up is
 * found through the token the session cookie carries for 15 minutes, never through the URL.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  const pending = await findPendingSignup(context.db, readSessionToken(request.headers.get("cookie")));
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  if (!pending) return data({ pending: null, redirectTo }, { status: 410, headers: { "Set-Cookie": clearedSessionCookie(context.config.secure) } });
  return { pending: { ...pending, providerName: PROVIDER_NAMES[pending.provider] }, redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous(context);
  const submission = parseWithZod(await request.formData(), { schema: confirmSchema });
  if (submission.status !== "success") return rejected(submission.reply());

  const secure = context.config.secure;
  const result = await completePendingSignup(context.db, readSessionToken(request.headers.get("cookie")));
  if ("expired" in result) {
    return data({ result: submission.reply({ formErrors: [EXPIRED.message] }) }, { status: 410, headers: { "Set-Cookie": clearedSessionCookie(secure) } });
  }
  if ("emailTaken" in result) {
    const message = "An account with this email address was created in the meantime. Log in to it, then link your provider from Settings → Security.";
    return data({ result: submission.reply({ formErrors: [message] }) }, { status: 409, headers: { "Set-Cookie": clearedSessionCookie(secure) } });
  }
  const user = result.created;
  const redirectTo = safeRedirect(submission.value.redirectTo, "/");
  if (!user.email_verified_at) {
    // The provider did not vouch for the address: it is confirmed by email, as after a password sign-up.
    sendInBackground(context.mailer, context.logger, async () => {
      const token = await issueEmailToken(context.db, user, "verify_email");
      const link = new URL("/verify-email", context.config.appUrl);
      link.searchParams.set("token", token);
      link.searchParams.set("redirectTo", redirectTo);
      return emails.verifyEmail(user.email, user.name, link.href);
    });
  }
  // The new session's cookie takes the place of the pending sign-up's token.
  return signIn(request, context, user.id, redirectTo);
}

export default function ConfirmProviderSignup() {
  const { pending, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const submitting = useIsPending();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(confirmSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmSchema }),
  });

  if (!pending) {
    return (
      <AuthLayout title={EXPIRED.title} footer={<TextLink to="/signup">Back to sign up</TextLink>}>
        <Alert tone="error">{EXPIRED.message}</Alert>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Create your account" subtitle={`You are signing up with ${pending.providerName}.`} footer={<TextLink to="/login">Cancel</TextLink>}>
      <div className="mb-6 flex items-center gap-3">
        {pending.avatarUrl ? (
          <img src={pending.avatarUrl} alt="" className="size-12 rounded-full" width={48} height={48} />
        ) : null}
        <dl className="min-w-0 text-sm">
          <dt className="sr-only">Name</dt>
          <dd className="truncate font-medium">{pending.name}</dd>
          <dt className="sr-only">Email</dt>
          <dd className="truncate text-zinc-600 dark:text-zinc-400">{pending.email}</dd>
        </dl>
      </div>
      {pending.emailVerified ? null : (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          {pending.providerName} does not confirm this address, so we will email you a link to confirm it.
        </p>
      )}
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <PolicyCheckboxes ageConfirmed={fields.ageConfirmed} acceptPolicies={fields.acceptPolicies} />
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Creating your account…" : "Create account"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
