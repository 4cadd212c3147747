import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupByLane, listRoadmapItems } from "~/modules/roadmap/roadmap.server";
import { LANES } from "~/modules/roadmap/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse } from "~/services/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const lanes = groupByLane(await listRoadmapItems(context.db, workspace.id));
  // The rank within the lane, not the internal fractional key: it is what people sort by in a sheet.
  const rows = LANES.flatMap((lane) => lanes[lane].map((item, index) => ({ ...item, rank: index + 1 })));
  return csvResponse(`${workspace.slug}-roadmap.csv`, [
    { header: "id", value: (i) => i.id },
    { header: "title", value: (i) => i.title },
    { header: "lane", value: (i) => i.lane },
    { header: "rank", value: (i) => i.rank },
    { header: "start_quarter", value: (i) => i.start_quarter },
    { header: "end_quarter", value: (i) => i.end_quarter },
    { header: "initiative", value: (i) => i.initiative_title },
    { header: "initiative_id", value: (i) => i.initiative_id },
    { header: "description", value: (i) => i.description },
    { header: "source", value: (i) => i.source },
    { header: "updated_at", value: (i) => i.updated_at.toISOString() },
  ], rows);
}
