import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { startConnection } from "~/modules/integrations/connect.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

/**
 * "Connect" on Settings → Integrations is a link here (admins only); the browser leaves for the
 * provider's consent page. A link, not a form: the CSP's `form-action 'self'` stops a form post from
 * being redirected to another site. Nothing changes here until the provider sends the person back
 * with a code that matches the flow this session started.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireMembership(request, context, params.slug, "admin");
  return redirect(await startConnection(context, access, params.provider));
}
