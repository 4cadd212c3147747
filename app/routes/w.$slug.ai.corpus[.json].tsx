import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadWorkspaceCorpus } from "~/ai/workspace-corpus.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

/**
 * The workspace's data for the agents in the browser, as JSON. Data flows one way: prompts are
 * assembled in the browser and go to the user's provider, never back here.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const corpus = await loadWorkspaceCorpus(context.db, workspace.id, workspace.slug);
  return Response.json(corpus, { headers: { "Cache-Control": "private, no-store" } });
}
