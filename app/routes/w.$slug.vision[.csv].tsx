import type { LoaderFunctionArgs } from "@remix-run/node";
import { listVisionVersions } from "~/modules/vision/vision.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse } from "~/services/csv.server";

/** Every version of the vision, newest first. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const versions = await listVisionVersions(context.db, workspace.id);
  return csvResponse(
    `${workspace.slug}-vision-versions.csv`,
    [
      { header: "version", value: (v) => v.number },
      { header: "statement", value: (v) => v.statement },
      { header: "mission", value: (v) => v.mission },
      { header: "target_customers", value: (v) => v.target_customers },
      { header: "principles", value: (v) => v.principles },
      { header: "north_star_metric", value: (v) => v.north_star_metric },
      { header: "source", value: (v) => v.source },
      { header: "saved_by", value: (v) => v.author_name },
      { header: "saved_at", value: (v) => v.created_at.toISOString() },
    ],
    versions,
  );
}
