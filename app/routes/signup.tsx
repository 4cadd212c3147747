import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { useIsPending } from "~/components/forms/use-is-pending";
import { OAuthButtons } from "~/components/oauth-buttons";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { issueEmailToken, registerUser } from "~/modules/accounts/accounts.server";
import { signupSchema } from "~/modules/accounts/schema";
import { acceptInvitation, findInvitation } from "~/modules/workspaces/invitations.server";
import { requireAnonymous, safeRedirect, signIn } from "~/services/auth.server";
import { emails } from "~/services/email-templates.server";
import { sendInBackground } from "~/services/email.server";
import { rejected } from "~/services/forms.server";
import { configuredProviders } from "~/services/oauth/providers.server";
import { passwordWeakness } from "~/services/password.server";
import { consumeRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";
import { PolicyCheckboxes } from "~/modules/accounts/policy-checkboxes";

export const meta: MetaFunction = () => [{ title: "Sign up · Bearing" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("invitation");
  if (token && context.auth) throw redirect(`/invitations/${token}`);
  requireAnonymous(context);
  const invitation = token ? await findInvitation(context.db, token) : undefined;
  return {
    invitation: invitation ? { token: token!, email: invitation.email, workspaceName: invitation.workspace_name } : null,
    redirectTo: url.searchParams.get("redirectTo"),
    oauthProviders: configuredProviders(context.config),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous(context);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signupSchema });
  if (submission.status !== "success") return rejected(submission.reply({ hideFields: ["password"] }));
  const { name, email, password, invitation: invitationToken, redirectTo } = submission.value;

  const limit = await consumeRateLimit(context.db, context.config.sessionSecret, RATE_LIMITS.signupByIp, context.ip);
  if (!limit.allowed) {
    return rejected(submission.reply({ formErrors: [`Too many sign-ups from your network. Try again in ${limit.retryAfterSeconds} seconds.`], hideFields: ["password"] }), 429);
  }
  const weakness = await passwordWeakness(password, [name, email]);
  if (weakness) return rejected(submission.reply({ fieldErrors: { password: [weakness] }, hideFields: ["password"] }));

  // An invitation link proves the address it was sent to: that sign-up needs no second email.
  const invitation = invitationToken ? await findInvitation(context.db, invitationToken) : undefined;
  const invitedHere = invitation && invitation.email.toLowerCase() === email.toLowerCase();
  const result = await registerUser(context.db, { name, email, password, emailVerified: Boolean(invitedHere) });
  const loginUrl = new URL("/login", context.config.appUrl).href;

  if ("taken" in result) {
    // Same answer as a new account: whether an email has an account is told only to its owner.
    sendInBackground(context.mailer, context.logger, async () => emails.alreadyRegistered(email, loginUrl));
    return redirect("/verify-email?sent=1");
  }
  if (invitedHere) {
    const slug = await acceptInvitation(context.db, invitationToken!, result.created);
    return signIn(request, context, result.created.id, `/w/${slug}`);
  }
  const user = result.created;
  sendInBackground(context.mailer, context.logger, async () => {
    const token = await issueEmailToken(context.db, user, "verify_email");
    const link = new URL("/verify-email", context.config.appUrl);
    link.searchParams.set("token", token);
    if (redirectTo) link.searchParams.set("redirectTo", safeRedirect(redirectTo));
    return emails.verifyEmail(user.email, user.name, link.href);
  });
  return redirect("/verify-email?sent=1");
}

export default function SignupPage() {
  const { invitation, redirectTo, oauthProviders } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const submitting = useIsPending();
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(signupSchema),
    defaultValue: { email: invitation?.email },
    // Errors appear on submit, then follow the input. Validating on blur made a message appear above
    // the button between mousedown and mouseup, moving it away from the click that blurred the field.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });

  return (
    <AuthLayout
      title={invitation ? `Join ${invitation.workspaceName}` : "Create your account"}
      subtitle={invitation ? "Create an account to accept your invitation." : "Bearing keeps your product thinking in one place."}
      footer={
        <>
          Already have an account?{" "}
          <TextLink to={invitation ? `/login?redirectTo=${encodeURIComponent(`/invitations/${invitation.token}`)}` : "/login"}>Log in</TextLink>
        </>
      }
    >
      {invitation ? null : <OAuthButtons providers={oauthProviders} redirectTo={redirectTo} />}
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        {form.errors ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
        {invitation ? <input type="hidden" name="invitation" value={invitation.token} /> : null}
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field label="Name" meta={fields.name} autoComplete="name" />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Password" meta={fields.password} type="password" autoComplete="new-password" hint="At least 10 characters and at most 72 bytes (about 72 plain letters). A few unrelated words work well." />
        <PolicyCheckboxes ageConfirmed={fields.ageConfirmed} acceptPolicies={fields.acceptPolicies} />
        <Button className="w-full" disabled={submitting}>
          {submitting ? "Creating your account…" : "Create account"}
        </Button>
      </Form>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
