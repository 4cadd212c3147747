import { sql, type Kysely } from "kysely";

// Sorting the initiatives list by score computed the score of every row of the workspace and
// sorted them all for each page. The three scores become STORED generated columns, each with an
// index in the list's order, so a page of the best-scored initiatives is an index range scan.
// The formulas are exactly those of app/modules/initiatives/scoring.ts (percent inputs divided by
// 100, NULL when an input is missing or a divisor is 0); scoring.ts stays the source of truth for
// what is shown, and initiative-score-columns.test.ts checks that both agree.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table initiatives
    add column rice_score numeric generated always as ((reach * impact * (confidence / 100.0)) / nullif(effort, 0)) stored,
    add column wsjf_score numeric generated always as ((business_value + time_criticality + risk_reduction) / nullif(job_size, 0)) stored,
    add column ice_score numeric generated always as (ice_impact * ice_confidence * ease) stored`.execute(db);
  for (const score of ["rice_score", "wsjf_score", "ice_score"]) {
    await sql`create index ${sql.raw(`initiatives_${score}_idx`)} on initiatives (workspace_id, ${sql.raw(score)} desc nulls last, id)`.execute(db);
  }
  // The list's quarter filter offers the quarters in use: a skip scan of this index reads one
  // entry per quarter instead of every row.
  await sql`create index initiatives_target_quarter_idx on initiatives (workspace_id, target_quarter)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index initiatives_target_quarter_idx`.execute(db);
  for (const score of ["rice_score", "wsjf_score", "ice_score"]) await sql`drop index ${sql.raw(`initiatives_${score}_idx`)}`.execute(db);
  await sql`alter table initiatives drop column rice_score, drop column wsjf_score, drop column ice_score`.execute(db);
}
