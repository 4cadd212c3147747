import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../../../db/database";
import type { DB } from "../../../db/schema";
import { REGISTER_PAGE_SIZE, type RiskFilter } from "./risk-filter";
import { overdue } from "./risks.server";

/**
 * The register's conditions. `withCell: false` leaves out likelihood and impact: the heat map
 * counts every cell under the other filters, so the cells can be compared and clicked between.
 */
function matching(eb: ExpressionBuilder<DB, "risks">, workspaceId: string, filter: RiskFilter, { withCell = true } = {}) {
  const conditions: Expression<SqlBool>[] = [eb("risks.workspace_id", "=", workspaceId)];
  if (filter.status === "active") conditions.push(eb("risks.status", "<>", "closed"));
  else if (filter.status !== "all") conditions.push(eb("risks.status", "=", filter.status));
  if (filter.category) conditions.push(eb(eb.fn("lower", ["risks.category"]), "=", filter.category.toLowerCase()));
  if (filter.owner === "none") conditions.push(eb("risks.owner_id", "is", null));
  else if (filter.owner) conditions.push(eb("risks.owner_id", "=", filter.owner));
  if (filter.source) conditions.push(eb("risks.source", "=", filter.source));
  if (filter.q) conditions.push(eb("risks.search", "@@", sql<string>`websearch_to_tsquery('english', ${filter.q})`));
  if (withCell && filter.likelihood) conditions.push(eb("risks.likelihood", "=", filter.likelihood));
  if (withCell && filter.impact) conditions.push(eb("risks.impact", "=", filter.impact));
  return eb.and(conditions);
}

/** Register rows, most severe first, then the soonest due. Paged so 20,000 risks stay quick. */
export function listRegisterRisks(db: Database, workspaceId: string, filter: RiskFilter, { limit = REGISTER_PAGE_SIZE, offset = 0 } = {}) {
  return db
    .selectFrom("risks")
    .leftJoin("users as owner", "owner.id", "risks.owner_id")
    .select([
      "risks.id",
      "risks.title",
      "risks.category",
      "risks.likelihood",
      "risks.impact",
      "risks.severity",
      "risks.status",
      "risks.due_date",
      "risks.source",
      "owner.name as owner_name",
      overdue.as("overdue"),
    ])
    .where((eb) => matching(eb, workspaceId, filter))
    .orderBy("risks.severity", "desc")
    .orderBy(sql`risks.due_date asc nulls last`)
    .orderBy("risks.created_at", "desc")
    .orderBy("risks.id")
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Every risk matching the filter, unpaged, with the names a spreadsheet reader needs. */
export function listRisksForExport(db: Database, workspaceId: string, filter: RiskFilter) {
  return db
    .selectFrom("risks")
    .leftJoin("users as owner", "owner.id", "risks.owner_id")
    .leftJoin("initiatives", (join) =>
      join.onRef("initiatives.workspace_id", "=", "risks.workspace_id").onRef("initiatives.id", "=", "risks.initiative_id"),
    )
    .select([
      "risks.id",
      "risks.title",
      "risks.description",
      "risks.category",
      "risks.likelihood",
      "risks.impact",
      "risks.severity",
      "risks.status",
      "risks.mitigation",
      "risks.due_date",
      "risks.source",
      "risks.transcript_id",
      "risks.updated_at",
      "owner.name as owner_name",
      "owner.email as owner_email",
      "initiatives.title as initiative_title",
    ])
    .where((eb) => matching(eb, workspaceId, filter))
    .orderBy("risks.severity", "desc")
    .orderBy(sql`risks.due_date asc nulls last`)
    .orderBy("risks.created_at", "desc")
    .orderBy("risks.id")
    .execute();
}

/** counts[likelihood − 1][impact − 1]: one grouped query, whatever the number of risks. */
export type HeatMapCounts = number[][];

export async function riskHeatMap(db: Database, workspaceId: string, filter: RiskFilter): Promise<HeatMapCounts> {
  const rows = await db
    .selectFrom("risks")
    .select(["risks.likelihood", "risks.impact", (eb) => eb.fn.countAll<number>().as("count")])
    .where((eb) => matching(eb, workspaceId, filter, { withCell: false }))
    .groupBy(["risks.likelihood", "risks.impact"])
    .execute();
  const counts = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  for (const row of rows) counts[row.likelihood - 1]![row.impact - 1] = row.count;
  return counts;
}

/** How many risks the register shows under `filter`, read off the heat map instead of counted again. */
export function countInHeatMap(counts: HeatMapCounts, filter: Pick<RiskFilter, "likelihood" | "impact">): number {
  let total = 0;
  counts.forEach((row, l) =>
    row.forEach((count, i) => {
      if ((!filter.likelihood || filter.likelihood === l + 1) && (!filter.impact || filter.impact === i + 1)) total += count;
    }),
  );
  return total;
}

/** The categories in use, as first spelled; "Security" and "security" are one category. */
export async function listRiskCategories(db: Database, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("risks")
    .select((eb) => eb.fn.min("risks.category").as("category"))
    .where("workspace_id", "=", workspaceId)
    .where("category", "<>", "")
    .groupBy(sql`lower(category)`)
    .orderBy(sql`lower(category)`)
    .limit(200)
    .execute();
  return rows.map((row) => row.category);
}

export function listOwnerOptions(db: Database, workspaceId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["users.id", "users.name"])
    .where("memberships.workspace_id", "=", workspaceId)
    .orderBy("users.name")
    .execute();
}

function listInitiativeOptions(db: Database, workspaceId: string) {
  return db.selectFrom("initiatives").select(["id", "title"]).where("workspace_id", "=", workspaceId).orderBy("title").orderBy("id").execute();
}

/** Everything the risk form offers to choose from, read in parallel. */
export async function listRiskFormOptions(db: Database, workspaceId: string) {
  const [owners, initiatives, categories] = await Promise.all([
    listOwnerOptions(db, workspaceId),
    listInitiativeOptions(db, workspaceId),
    listRiskCategories(db, workspaceId),
  ]);
  return { owners, initiatives, categories };
}
