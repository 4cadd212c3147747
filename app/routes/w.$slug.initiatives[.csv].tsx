import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportInitiatives } from "~/modules/initiatives/initiative-queries.server";
import { getPrioritization } from "~/modules/initiatives/initiatives.server";
import { parseListParams } from "~/modules/initiatives/list-params";
import { computeScore, describeScore, FRAMEWORKS, SCORE_INPUT_NAMES } from "~/modules/initiatives/scoring";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { csvResponse, type CsvColumn } from "~/services/csv.server";

type Row = Awaited<ReturnType<typeof exportInitiatives>>[number];

/** Every field, under the headers the import reads back; the list's filters and sort apply. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug);
  const framework = await getPrioritization(context.db, workspace.id);
  const rows = await exportInitiatives(context.db, workspace.id, framework, { ...parseListParams(new URL(request.url).searchParams), page: 1 });
  const columns: CsvColumn<Row>[] = [
    { header: "id", value: (i) => i.id },
    { header: "title", value: (i) => i.title },
    { header: "problem", value: (i) => i.problem },
    { header: "description", value: (i) => i.description },
    { header: "status", value: (i) => i.status },
    { header: "owner", value: (i) => i.owner_name },
    { header: "owner_email", value: (i) => i.owner_email },
    { header: "personas", value: (i) => i.persona_names.join("; ") },
    { header: "tags", value: (i) => i.tags.join("; ") },
    { header: "target_quarter", value: (i) => i.target_quarter },
    { header: "framework", value: () => FRAMEWORKS[framework].name },
    { header: "score", value: (i) => roundedScore(computeScore(framework, i).value) },
    { header: "score_formula", value: (i) => describeScore(computeScore(framework, i)) },
    ...SCORE_INPUT_NAMES.map((name): CsvColumn<Row> => ({ header: name, value: (i) => i[name] })),
    { header: "source", value: (i) => i.source },
    { header: "created_at", value: (i) => i.created_at.toISOString() },
    { header: "updated_at", value: (i) => i.updated_at.toISOString() },
  ];
  return csvResponse(`${workspace.slug}-initiatives.csv`, columns, rows);
}

function roundedScore(value: number | null) {
  return value === null ? null : Math.round(value * 100) / 100;
}
