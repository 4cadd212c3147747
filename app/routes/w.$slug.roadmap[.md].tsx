import type { LoaderFunctionArgs } from "@remix-run/node";
import { roadmapMarkdown } from "~/modules/roadmap/roadmap-markdown.server";
import { listRoadmapItems } from "~/modules/roadmap/roadmap.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const items = await listRoadmapItems(context.db, workspace.id);
  return new Response(roadmapMarkdown(workspace.name, items, new Date()), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${`${workspace.slug}-roadmap.md`.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
