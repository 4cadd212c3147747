import { sql, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { Database } from "../../../db/database";
import type { DB } from "../../../db/schema";
import { INITIATIVE_COLUMNS } from "./initiatives.server";
import { PAGE_SIZE, type ListParams } from "./list-params";
import { STATUSES } from "./schema";
import { SCORE_INPUT_NAMES, type Framework } from "./scoring";

// Reads of many initiatives: the list, the board, the CSV export. Each is a fixed number of
// queries whatever the workspace holds, and only the list's export reads every row.

const QUALIFIED = INITIATIVE_COLUMNS.map((column) => `i.${column}` as const);

/**
 * The framework's score as SQL: the STORED generated column (migration 20261123200500) computed
 * with the same formula as `computeScore`, so that sorting by score orders exactly as the shown
 * scores read, and a page of the best-scored rows is a range of the index
 * (workspace_id, <score> desc nulls last, id). A missing input makes it null (sorted last).
 */
function scoreSql(framework: Framework): RawBuilder<number | null> {
  return sql<number | null>`${sql.ref(`i.${framework}_score`)}`;
}

type InitiativesQuery = SelectQueryBuilder<DB & { i: DB["initiatives"] }, "i", object>;

function filtered(db: Database, workspaceId: string, params: Omit<ListParams, "sort" | "dir" | "page">): InitiativesQuery {
  let query = db.selectFrom("initiatives as i").where("i.workspace_id", "=", workspaceId);
  if (params.q) query = query.where(sql<boolean>`i.search @@ websearch_to_tsquery('english', ${params.q})`);
  if (params.status) query = query.where("i.status", "=", params.status);
  if (params.owner === "none") query = query.where("i.owner_id", "is", null);
  else if (params.owner) query = query.where("i.owner_id", "=", params.owner);
  if (params.tag) query = query.where(sql<boolean>`i.tags @> array[${params.tag}]::text[]`);
  if (params.quarter) query = query.where("i.target_quarter", "=", params.quarter);
  if (params.persona) {
    const persona = params.persona;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("initiative_personas as ip")
          .select("ip.persona_id")
          .whereRef("ip.workspace_id", "=", "i.workspace_id")
          .whereRef("ip.initiative_id", "=", "i.id")
          .where("ip.persona_id", "=", persona),
      ),
    );
  }
  return query as InitiativesQuery;
}

function ordered(query: InitiativesQuery, framework: Framework, params: ListParams) {
  const dir = sql.raw(params.dir);
  // Every order ends on the id, so pages never repeat or skip a row between equal values.
  switch (params.sort) {
    case "score":
      // Descending (the default) is exactly the index's order: a page is read off the index, unsorted.
      return query.orderBy(sql`${scoreSql(framework)} ${dir} nulls last`).orderBy("i.id");
    case "title":
      return query.orderBy(sql`lower(i.title) ${dir}`).orderBy("i.id");
    case "status":
      return query.orderBy(sql`array_position(${sql.val([...STATUSES])}::text[], i.status) ${dir}`).orderBy(sql`${scoreSql(framework)} desc nulls last`).orderBy("i.id");
    case "quarter":
      return query.orderBy(sql`i.target_quarter ${dir} nulls last`).orderBy(sql`${scoreSql(framework)} desc nulls last`).orderBy("i.id");
    case "updated":
      return query.orderBy(sql`i.updated_at ${dir}`).orderBy("i.id");
    case "relevance":
      return query.orderBy(sql`ts_rank(i.search, websearch_to_tsquery('english', ${params.q ?? ""})) ${dir}`).orderBy("i.id");
  }
}

/** One page of the list and how many match in all. */
export async function listInitiatives(db: Database, workspaceId: string, framework: Framework, params: ListParams) {
  const base = filtered(db, workspaceId, params);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    ordered(base, framework, params)
      .leftJoin("users as owner", "owner.id", "i.owner_id")
      .select([...QUALIFIED, "owner.name as owner_name"])
      .limit(PAGE_SIZE)
      .offset((params.page - 1) * PAGE_SIZE)
      .execute(),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** What the filters offer: the tags and quarters in use, the members and the personas. */
export async function listFacets(db: Database, workspaceId: string) {
  const [tags, quarters, owners, personas] = await Promise.all([
    sql<{ tag: string }>`select distinct unnest(tags) as tag from initiatives where workspace_id = ${workspaceId} order by 1 limit 500`.execute(db),
    // Distinct quarters by skipping through (workspace_id, target_quarter): one index probe per
    // quarter in use, not a scan of every initiative.
    sql<{ target_quarter: string }>`with recursive quarters as (
        (select target_quarter from initiatives where workspace_id = ${workspaceId} and target_quarter is not null order by target_quarter limit 1)
        union all
        select (select i.target_quarter from initiatives i
                where i.workspace_id = ${workspaceId} and i.target_quarter > quarters.target_quarter order by i.target_quarter limit 1)
        from quarters where quarters.target_quarter is not null
      ) select target_quarter from quarters where target_quarter is not null`.execute(db),
    db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.id", "users.name"])
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("users.name")
      .execute(),
    db.selectFrom("personas").select(["id", "name"]).where("workspace_id", "=", workspaceId).orderBy("name").execute(),
  ]);
  return { tags: tags.rows.map((r) => r.tag), quarters: quarters.rows.map((r) => r.target_quarter), owners, personas };
}

export const BOARD_COLUMN_LIMIT = 100;

/** Each status's best-scored initiatives (at most BOARD_COLUMN_LIMIT) and how many it holds. */
export async function listBoard(db: Database, workspaceId: string, framework: Framework) {
  const ranked = db
    .selectFrom("initiatives as i")
    .leftJoin("users as owner", "owner.id", "i.owner_id")
    .select([
      ...(["id", "title", "status", "version", "updated_at", ...SCORE_INPUT_NAMES] as const).map((c) => `i.${c}` as const),
      "owner.name as owner_name",
      sql<number>`row_number() over (partition by i.status order by ${scoreSql(framework)} desc nulls last, i.updated_at desc, i.id)`.as("rank"),
    ])
    .where("i.workspace_id", "=", workspaceId);
  const [cards, counts] = await Promise.all([
    db.selectFrom(ranked.as("ranked")).selectAll().where("rank", "<=", BOARD_COLUMN_LIMIT).orderBy("rank").execute(),
    db
      .selectFrom("initiatives")
      .select(["status", (eb) => eb.fn.countAll<number>().as("count")])
      .where("workspace_id", "=", workspaceId)
      .groupBy("status")
      .execute(),
  ]);
  return { cards, counts: Object.fromEntries(counts.map((c) => [c.status, c.count])) as Partial<Record<string, number>> };
}

/** Every initiative matching the list's filters, with its owner and persona names, for the CSV. */
export function exportInitiatives(db: Database, workspaceId: string, framework: Framework, params: ListParams) {
  return ordered(filtered(db, workspaceId, params), framework, params)
    .leftJoin("users as owner", "owner.id", "i.owner_id")
    .select([
      ...QUALIFIED,
      "owner.name as owner_name",
      "owner.email as owner_email",
      sql<string[]>`array(select p.name from initiative_personas ip
        join personas p on p.workspace_id = ip.workspace_id and p.id = ip.persona_id
        where ip.workspace_id = i.workspace_id and ip.initiative_id = i.id order by p.name)`.as("persona_names"),
    ])
    .execute();
}
