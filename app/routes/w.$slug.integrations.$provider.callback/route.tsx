import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { completeConnection } from "./complete-connection.server";

// Where the provider sends the admin back after consent.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireMembership(request, context, params.slug, "admin");
  const provider = await completeConnection(context, access, params.provider, request);
  return redirect(`/w/${access.workspace.slug}/settings/integrations?connected=${provider.id}`);
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// The loader always redirects or throws; the route renders only its error boundary.
export default function IntegrationCallback() {
  return null;
}
