import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuthLayout, TextLink } from "~/components/auth-layout";
import { Alert } from "~/components/ui/alert";
import { SendNewConfirmationLink } from "~/modules/accounts/confirm-email-first";
import { requireAnonymous, requireUser, safeRedirect } from "~/services/auth.server";
import { notFound } from "~/services/errors.server";
import { linkNeedsConfirmedEmail } from "~/services/oauth/accounts.server";
import { parseProvider, PROVIDER_NAMES, providerSignIn } from "~/services/oauth/providers.server";
import { startFlow } from "~/services/browser-flows.server";
import { newFlow } from "~/services/oauth/sign-in-flow.server";

export const meta: MetaFunction = () => [{ title: "Link a sign-in method · Bearing" }];

/**
 * GET /auth/google, /auth/microsoft: "Continue with …" starts here and leaves for the provider.
 * `?link=1` (signed in, from Settings → Security) links the identity to the current account
 * instead of signing in, once the account's email is confirmed: the provider is not even asked
 * before. Unknown or unconfigured providers do not exist (404).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const provider = parseProvider(params.provider);
  const signIn = provider ? providerSignIn(context.config, provider) : null;
  if (!provider || !signIn) throw notFound();

  const url = new URL(request.url);
  const link = url.searchParams.get("link") === "1";
  const redirectTo = safeRedirect(url.searchParams.get("redirectTo"), link ? "/settings/security" : "/");
  const user = link ? requireUser(request, context) : null;
  if (!link) requireAnonymous(context, redirectTo);
  if (user && !user.email_verified_at) {
    return data({ ...linkNeedsConfirmedEmail(PROVIDER_NAMES[provider], user.email), backTo: redirectTo }, { status: 403 });
  }

  const flow = newFlow(provider, { redirectTo, mode: link ? "link" : "sign-in", userId: user?.id ?? null });
  // Signed out, the session cookie carries the flow's token until the callback; signed in, the session holds the flow.
  const cookie = await startFlow(context, "sign-in", flow);
  return redirect(signIn.authorizationUrl(flow).href, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
}

/** Shown only when linking waits for a confirmed email; every other answer is a redirect. */
export default function LinkNeedsConfirmedEmail() {
  const { title, message, backTo } = useLoaderData<typeof loader>();
  return (
    <AuthLayout title={title}>
      <div className="space-y-4">
        <Alert tone="warning">{message}</Alert>
        <SendNewConfirmationLink />
        <p className="text-sm">
          <TextLink to={backTo}>Back to Settings</TextLink>
        </p>
      </div>
    </AuthLayout>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
