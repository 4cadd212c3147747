import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { issueEmailToken, verifyEmail } from "~/modules/accounts/accounts.server";
import { requireUser, safeRedirect, signIn } from "~/services/auth.server";
import { emails } from "~/services/email-templates.server";
import { sendInBackground } from "~/services/email.server";
import { formText, parseIntent } from "~/services/forms.server";
import { consumeRateLimit, RATE_LIMITS } from "~/services/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Confirm your email · Bearing" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  if (token) return { state: "confirm" as const, token, redirectTo: safeRedirect(url.searchParams.get("redirectTo")) };
  if (context.auth?.user.email_verified_at) throw redirect("/");
  return { state: "pending" as const, email: context.auth?.user.email ?? null };
}

// The link's page posts its token back without an intent; "Send a new link" posts `resend`.
const verifyEmailIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm").default("confirm"), token: formText, redirectTo: formText }),
  z.object({ intent: z.literal("resend") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseIntent(await request.formData(), verifyEmailIntents);
  if (form.intent === "resend") {
    const user = requireUser(request, context);
    const limit = await consumeRateLimit(context.db, context.config.sessionSecret, RATE_LIMITS.resetByAccount, `verify:${user.id}`);
    if (!limit.allowed) return { error: `You asked for several links already. Try again in ${limit.retryAfterSeconds} seconds.` };
    sendInBackground(context.mailer, context.logger, async () => {
      const token = await issueEmailToken(context.db, user, "verify_email");
      const link = new URL("/verify-email", context.config.appUrl);
      link.searchParams.set("token", token);
      return emails.verifyEmail(user.email, user.name, link.href);
    });
    return { resent: true };
  }
  // Confirming is a POST, not the link's GET: mail scanners that open links cannot use up the token.
  const userId = await verifyEmail(context.db, form.token);
  if (!userId) return { error: "This link has expired or was already used. Log in and ask for a new one." };
  const redirectTo = safeRedirect(form.redirectTo, "/");
  return signIn(request, context, userId, redirectTo);
}

export default function VerifyEmailPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && "error" in result ? result.error : null;

  if (data.state === "confirm") {
    return (
      <AuthLayout title="Confirm your email" subtitle="One click and you are in.">
        <Form method="post" className="space-y-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="redirectTo" value={data.redirectTo} />
          <Button className="w-full">Confirm my email</Button>
        </Form>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Check your inbox"
      subtitle={
        data.email ? (
          <>
            We sent a confirmation link to <strong>{data.email}</strong>.
          </>
        ) : (
          "We sent you an email with a link to confirm your address and continue."
        )
      }
      footer={data.email ? <TextLink to="/logout">Log out</TextLink> : <TextLink to="/login">Back to log in</TextLink>}
    >
      <div className="space-y-4 text-sm text-zinc-600 dark:text-zinc-400">
        <p>The link works once and expires in 24 hours. Check your spam folder if it does not arrive within a minute.</p>
        {result && "resent" in result ? <Alert tone="success">We sent a new link.</Alert> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {data.email ? (
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <Button variant="secondary" className="w-full">
              Send a new link
            </Button>
          </Form>
        ) : null}
      </div>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
