import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportWorkspace } from "~/modules/workspace-transfer/export-workspace.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

/** The whole workspace as one JSON file (docs/export-format.md); admins and owners only. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "admin");
  const document = await exportWorkspace(context.db, workspace.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${workspace.slug}-bearing-export-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
