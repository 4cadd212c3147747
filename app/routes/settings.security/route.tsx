import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PasswordSection } from "~/modules/accounts/security/password-section";
import { hasPassword } from "~/modules/accounts/security/password.server";
import { listActiveSessions } from "~/modules/accounts/security/sessions.server";
import { SessionsSection } from "~/modules/accounts/security/sessions-section";
import { loadSignInMethods } from "~/modules/accounts/security/sign-in-methods.server";
import { SignInMethodsSection } from "~/modules/accounts/security/sign-in-methods-section";
import { TwoFactorSection } from "~/modules/accounts/two-factor-section";
import { requireUser } from "~/services/auth.server";
import { parseIntent } from "~/services/forms.server";
import { loadTwoFactorState } from "~/services/two-factor/setup.server";
import { handleSecurityIntent, isTwoFactorForm, securityPageIntents } from "./security-actions.server";
import { handleTwoFactorIntent } from "./two-factor-actions.server";

export const meta: MetaFunction = () => [{ title: "Security · Bearing" }];

/** requireUser lets only a full session in, so `auth` is there; the session id scopes "other sessions". */
function signedIn(request: Request, context: LoaderFunctionArgs["context"]) {
  const user = requireUser(request, context);
  return { user, sessionId: context.auth!.session.id };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, sessionId } = signedIn(request, context);
  const [passwordSet, twoFactor, sessions, signInMethods] = await Promise.all([
    hasPassword(context.db, user.id),
    loadTwoFactorState(context.db, user.id),
    listActiveSessions(context.db, user.id, sessionId),
    loadSignInMethods(context.db, context.config, user.id),
  ]);
  // Linking a provider and two-factor wait for a confirmed address: the sections say why.
  const unconfirmedEmail = user.email_verified_at ? null : user.email;
  return { email: user.email, unconfirmedEmail, passwordSet, twoFactor, sessions, signInMethods, now: Date.now() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = signedIn(request, context);
  const formData = await request.formData();
  const form = parseIntent(formData, securityPageIntents, "This form is not one the security page knows. Reload the page and try again.");
  if (isTwoFactorForm(form)) return handleTwoFactorIntent(context, user, form.intent, formData);
  return handleSecurityIntent(context, user, sessionId, form, formData);
}

export default function SecuritySettings() {
  const { email, unconfirmedEmail, passwordSet, twoFactor, sessions, signInMethods, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const answerFor = <Section extends string>(section: Section) =>
    actionData && "section" in actionData && actionData.section === section ? actionData : undefined;
  const password = answerFor("password");
  const sessionsAnswer = answerFor("sessions");
  const methodsAnswer = answerFor("sign-in-methods");
  return (
    <div className="max-w-3xl">
      <h1 className="text-xl font-semibold tracking-tight">Security</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Your password, two-factor authentication, where you are signed in, and how you sign in.</p>
      <div className="mt-6 space-y-6">
        <PasswordSection
          email={email}
          passwordSet={passwordSet}
          lastResult={password && "result" in password ? password.result : undefined}
          notice={password && "notice" in password ? password.notice : undefined}
        />
        {/* The two-factor section reads its own answers (`twoFactor` in the action data); it brings its heading, we bring the card. */}
        <div className="rounded-xl border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
          <TwoFactorSection state={twoFactor} unconfirmedEmail={unconfirmedEmail} />
        </div>
        <SessionsSection sessions={sessions} now={now} notice={sessionsAnswer && "notice" in sessionsAnswer ? sessionsAnswer.notice : undefined} />
        <SignInMethodsSection
          methods={signInMethods}
          now={now}
          unconfirmedEmail={unconfirmedEmail}
          notice={methodsAnswer && "notice" in methodsAnswer ? methodsAnswer.notice : undefined}
          error={methodsAnswer && "error" in methodsAnswer ? methodsAnswer.error : undefined}
        />
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
