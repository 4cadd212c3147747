import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { newConnectFlow } from "~/modules/integrations/connect-state.server";
import { callbackUrl, requireConfiguredProvider } from "~/modules/integrations/providers.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { startFlow } from "~/services/browser-flows.server";

/**
 * "Connect" on Settings → Integrations is a link here (admins only); the browser leaves for the
 * provider's consent page. A link, not a form: the CSP's `form-action 'self'` stops a form post from
 * being redirected to another site. Nothing changes here until the provider sends the person back
 * with a code that matches the flow this session started.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "admin");
  const provider = requireConfiguredProvider(context.config, params.provider);
  // The callback exchanges the code only for the flow this session keeps (complete-connection.server.ts).
  const flow = newConnectFlow(provider.id, workspace.id, user.id);
  // Connecting needs an admin's session, so the flow is the session's and no cookie is set.
  await startFlow(context, "connect", flow);
  return redirect(provider.authorizationUrl({ state: flow.state, codeVerifier: flow.codeVerifier, redirectUri: callbackUrl(context.config, workspace.slug, provider.id) }).href);
}
