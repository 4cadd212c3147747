import type { LoaderFunctionArgs } from "@remix-run/node";
import { listTranscripts } from "~/modules/transcripts/transcripts.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse } from "~/services/csv.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const query = new URL(request.url).searchParams.get("q")?.trim() || undefined;
  const transcripts = await listTranscripts(context.db, workspace.id, { query });
  return csvResponse(`${workspace.slug}-transcripts.csv`, [
    { header: "id", value: (t) => t.id },
    { header: "title", value: (t) => t.title },
    { header: "meeting_date", value: (t) => t.meeting_date },
    { header: "attendees", value: (t) => t.attendees.join(", ") },
    { header: "summary", value: (t) => t.summary },
    { header: "decisions", value: (t) => t.decisions_count },
    { header: "action_items", value: (t) => t.action_items_count },
    { header: "format", value: (t) => t.format },
    { header: "source", value: (t) => t.source },
    { header: "updated_at", value: (t) => t.updated_at.toISOString() },
  ], transcripts);
}
