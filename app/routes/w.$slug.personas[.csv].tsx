import type { LoaderFunctionArgs } from "@remix-run/node";
import { listPersonas } from "~/modules/personas/personas.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse } from "~/services/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const personas = await listPersonas(context.db, workspace.id);
  return csvResponse(`${workspace.slug}-personas.csv`, [
    { header: "id", value: (p) => p.id },
    { header: "name", value: (p) => p.name },
    { header: "segment", value: (p) => p.segment },
    { header: "goals", value: (p) => p.goals },
    { header: "pains", value: (p) => p.pains },
    { header: "jobs_to_be_done", value: (p) => p.jobs_to_be_done },
    { header: "quote", value: (p) => p.quote },
    { header: "source", value: (p) => p.source },
    { header: "updated_at", value: (p) => p.updated_at.toISOString() },
  ], personas);
}
