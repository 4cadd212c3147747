import type { LoaderFunctionArgs } from "@remix-run/node";
import { readActivityFilter } from "~/modules/activity/activity-filter";
import { itemLabel } from "~/modules/activity/item-links";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { listActivity } from "~/modules/activity/activity.server";
import { csvResponse } from "~/services/csv.server";

// The whole log in one file; a workspace with more events than this exports its newest ones.
const MAX_ROWS = 100_000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const { entityType } = readActivityFilter(new URL(request.url));
  const events = await listActivity(context.db, workspace.id, { entityType, limit: MAX_ROWS });
  return csvResponse(`${workspace.slug}-activity${entityType ? `-${entityType}` : ""}.csv`, [
    { header: "id", value: (e) => e.id },
    { header: "time", value: (e) => e.created_at.toISOString() },
    { header: "who", value: (e) => e.actor_name ?? "" },
    { header: "action", value: (e) => e.action },
    { header: "item_type", value: (e) => itemLabel(e.entity_type) },
    { header: "item_id", value: (e) => e.entity_id },
    { header: "item_title", value: (e) => e.entity_title },
    { header: "item_exists", value: (e) => (e.item_exists ? "yes" : "no") },
  ], events);
}
