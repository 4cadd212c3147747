import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseRiskFilter } from "~/modules/risks/risk-filter";
import { listRisksForExport } from "~/modules/risks/risk-register.server";
import { bandLabel } from "~/modules/risks/severity";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse } from "~/services/csv.server";

/** The register as CSV, under the same filters as the page it was exported from (all pages). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const filter = parseRiskFilter(new URL(request.url).searchParams);
  const risks = await listRisksForExport(context.db, workspace.id, filter);
  return csvResponse(
    `${workspace.slug}-risks.csv`,
    [
      { header: "id", value: (r) => r.id },
      { header: "title", value: (r) => r.title },
      { header: "category", value: (r) => r.category },
      { header: "likelihood", value: (r) => r.likelihood },
      { header: "impact", value: (r) => r.impact },
      { header: "severity", value: (r) => r.severity },
      { header: "band", value: (r) => bandLabel(r.severity) },
      { header: "status", value: (r) => r.status },
      { header: "owner", value: (r) => r.owner_name },
      { header: "owner_email", value: (r) => r.owner_email },
      { header: "due_date", value: (r) => r.due_date },
      { header: "initiative", value: (r) => r.initiative_title },
      { header: "mitigation", value: (r) => r.mitigation },
      { header: "description", value: (r) => r.description },
      { header: "source", value: (r) => r.source },
      { header: "transcript_id", value: (r) => r.transcript_id },
      { header: "updated_at", value: (r) => r.updated_at.toISOString() },
    ],
    risks,
  );
}
