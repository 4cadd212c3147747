import { sql, type Kysely } from "kysely";

// ICE rates impact and confidence on 1–10, RICE on {0.25 … 3} and 0–100 %: sharing the `impact`
// and `confidence` columns would turn a RICE estimate into a nonsense ICE one (and back) when a
// workspace switches framework. ICE gets columns of its own; every framework's inputs are kept.
// The two divisors may never be 0 (a score would be infinite), whatever writes the row.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table initiatives
    add column ice_impact numeric,
    add column ice_confidence numeric,
    add constraint initiatives_effort_positive check (effort is null or effort > 0),
    add constraint initiatives_job_size_positive check (job_size is null or job_size > 0)`.execute(db);
  // The list's default orders besides score; score order is computed, over one workspace's rows.
  await sql`create index initiatives_updated_idx on initiatives (workspace_id, updated_at desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index initiatives_updated_idx`.execute(db);
  await sql`alter table initiatives
    drop constraint initiatives_job_size_positive,
    drop constraint initiatives_effort_positive,
    drop column ice_confidence,
    drop column ice_impact`.execute(db);
}
