import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { safeRedirect } from "~/services/auth.server";

// Only reached through app/server/policy-check.ts, for data requests of a user who must accept the
// policies again: a redirect thrown here is encoded the way Remix's client expects it.
function toAcceptPage({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  return redirect(`/policies/accept?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export const loader = toAcceptPage;
export const action = toAcceptPage;
