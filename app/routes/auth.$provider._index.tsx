import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAnonymous, requireUser, safeRedirect } from "~/services/auth.server";
import { notFound } from "~/services/errors.server";
import { parseProvider, providerSignIn } from "~/services/oauth/providers.server";
import { startFlow } from "~/services/browser-flows.server";
import { newFlow } from "~/services/oauth/sign-in-flow.server";

/**
 * GET /auth/google, /auth/microsoft: "Continue with …" starts here and leaves for the provider.
 * `?link=1` (signed in, from Settings → Security) links the identity to the current account
 * instead of signing in. Unknown or unconfigured providers do not exist (404).
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

  const flow = newFlow(provider, { redirectTo, mode: link ? "link" : "sign-in", userId: user?.id ?? null });
  // Signed out, the session cookie carries the flow's token until the callback; signed in, the session holds the flow.
  const cookie = await startFlow(context, "sign-in", flow);
  return redirect(signIn.authorizationUrl(flow).href, cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
}

export default function StartProviderSignIn() {
  return null;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
