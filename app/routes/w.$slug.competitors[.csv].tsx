import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCompetitors } from "~/modules/competitors/competitors.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse } from "~/services/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const competitors = await listCompetitors(context.db, workspace.id);
  return csvResponse(
    `${workspace.slug}-competitors.csv`,
    [
      { header: "id", value: (c) => c.id },
      { header: "name", value: (c) => c.name },
      { header: "website", value: (c) => c.website },
      { header: "threat_level", value: (c) => c.threat_level },
      { header: "positioning", value: (c) => c.positioning },
      { header: "strengths", value: (c) => c.strengths },
      { header: "weaknesses", value: (c) => c.weaknesses },
      { header: "pricing_notes", value: (c) => c.pricing_notes },
      { header: "source", value: (c) => c.source },
      { header: "updated_at", value: (c) => c.updated_at.toISOString() },
    ],
    competitors,
  );
}
