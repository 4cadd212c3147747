import type { Database } from "../../../db/database";
import type { Risk } from "./risks.server";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_FIELDS, STATUS_LABELS, type RiskInput } from "./schema";

type Values = Pick<RiskInput, "title" | "description" | "category" | "likelihood" | "impact" | "status" | "mitigation"> & {
  owner_id?: string | null;
  due_date?: string | null;
  initiative_id?: string | null;
};

/** The fields as a person reads them: names instead of ids, scores with their words. */
function readable(values: Values, ownerName: string | null | undefined, initiativeTitle: string | null | undefined): Record<string, string> {
  return {
    title: values.title,
    category: values.category,
    likelihood: `${values.likelihood} · ${LIKELIHOOD_LABELS[values.likelihood - 1]}`,
    impact: `${values.impact} · ${IMPACT_LABELS[values.impact - 1]}`,
    status: STATUS_LABELS[values.status],
    owner_id: values.owner_id ? (ownerName ?? "") : "Nobody yet",
    due_date: values.due_date ?? "",
    initiative_id: values.initiative_id ? (initiativeTitle ?? "") : "None",
    description: values.description,
    mitigation: values.mitigation,
  };
}

/**
 * What the conflict view needs when a save lost the race: both versions readable side by side,
 * and this person's raw input to resubmit if they choose to overwrite.
 */
export async function describeRiskConflict(db: Database, workspaceId: string, mine: RiskInput, current: Risk) {
  const [owner, initiative] = await Promise.all([
    mine.owner_id
      ? db
          .selectFrom("memberships")
          .innerJoin("users", "users.id", "memberships.user_id")
          .select("users.name")
          .where("memberships.workspace_id", "=", workspaceId)
          .where("memberships.user_id", "=", mine.owner_id)
          .executeTakeFirst()
      : undefined,
    mine.initiative_id
      ? db.selectFrom("initiatives").select("title").where("workspace_id", "=", workspaceId).where("id", "=", mine.initiative_id).executeTakeFirst()
      : undefined,
  ]);
  return {
    mine: readable(mine, owner?.name, initiative?.title),
    theirs: readable(current, current.owner_name, current.initiative_title),
    version: current.version,
    resubmit: Object.fromEntries(RISK_FIELDS.map((f) => [f.name, String(mine[f.name] ?? "")])),
  };
}
