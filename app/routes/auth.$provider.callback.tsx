import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { Alert } from "~/components/ui/alert";
import { signIn } from "~/services/auth.server";
import { AppError, notFound } from "~/services/errors.server";
import { linkIdentity, resolveSignIn } from "~/services/oauth/accounts.server";
import { sameString } from "~/services/oauth/id-token.server";
import { takeFlow } from "~/services/browser-flows.server";
import { signupCookie, startPendingSignup } from "~/modules/accounts/pending-signups.server";
import { PROVIDER_NAMES, parseProvider, providerSignIn } from "~/services/oauth/providers.server";
import type { OAuthFlow } from "~/services/oauth/sign-in-flow.server";

export const meta: MetaFunction = () => [{ title: "Signing in · Bearing" }];

/**
 * The provider sends the browser back here with `code` and `state`. The state must match the flow
 * this browser started (found through its session cookie, and spent as it is read); the code is
 * redeemed with the PKCE verifier; the ID token is checked (app/services/oauth). A signed-out
 * browser's cookie loses the flow's token whatever happens, unless a session takes its place.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const provider = parseProvider(params.provider);
  const providerClient = provider ? providerSignIn(context.config, provider) : null;
  if (!provider || !providerClient) throw notFound();
  const providerName = PROVIDER_NAMES[provider];
  const taken = await takeFlow<OAuthFlow>(request, context, "sign-in");
  const flow = taken?.payload ?? null;
  const spent = taken?.clearCookie ? { "Set-Cookie": taken.clearCookie } : undefined;
  const failure = (status: number, title: string, message: string) =>
    data({ title, message, retryTo: flow?.mode === "link" ? flow.redirectTo : "/login" }, { status, headers: spent });

  const query = new URL(request.url).searchParams;
  const [code, state, error] = [query.get("code"), query.get("state"), query.get("error")];
  if (!flow || flow.provider !== provider || !state || !sameString(state, flow.state)) {
    return failure(400, "This sign-in has expired", `We could not match this answer from ${providerName} to a sign-in started in this browser. Start again.`);
  }
  if (error === "access_denied") return failure(400, "Sign-in cancelled", `You did not allow Bearing to use your ${providerName} account.`);
  if (error || !code) return failure(400, "Sign-in did not complete", `${providerName} could not sign you in. Start again.`);

  let identity;
  try {
    identity = await providerClient.identify({ code, codeVerifier: flow.codeVerifier, nonce: flow.nonce }, context.logger);
  } catch (problem) {
    if (problem instanceof AppError) return failure(problem.status, problem.title, problem.message);
    throw problem;
  }

  if (flow.mode === "link") {
    if (!context.auth || context.auth.user.id !== flow.userId) {
      return failure(403, "Log in again", `Log in to the account you were linking ${providerName} to, then link it again from Settings → Security.`);
    }
    const linked = await linkIdentity(context.db, context.auth.user.id, identity);
    if (linked.kind === "refused") return failure(409, linked.title, linked.message);
    return redirect(flow.redirectTo);
  }

  const outcome = await resolveSignIn(context.db, identity);
  if (outcome.kind === "refused") return failure(409, outcome.title, outcome.message);
  if (outcome.kind === "confirm-signup") {
    // The session cookie now carries the pending sign-up's token in place of the spent flow's.
    const { token, expiresAt } = await startPendingSignup(context.db, identity);
    const headers = { "Set-Cookie": signupCookie(token, expiresAt, context.config.secure) };
    return redirect(`/auth/confirm?redirectTo=${encodeURIComponent(flow.redirectTo)}`, { headers });
  }
  // A new session's cookie takes the place of the flow's token.
  return signIn(request, context, outcome.userId, flow.redirectTo);
}

export default function ProviderCallbackProblem() {
  const { title, message, retryTo } = useLoaderData<typeof loader>();
  return (
    <AuthLayout title={title}>
      <div className="space-y-4">
        <Alert tone="error">{message}</Alert>
        <p className="text-sm">
          <TextLink to={retryTo}>{retryTo === "/login" ? "Back to log in" : "Back to Settings"}</TextLink>
        </p>
      </div>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
