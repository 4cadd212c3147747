import { sql, type Kysely } from "kysely";

/**
 * Jobs that import one thing (a Notion page, a Slack thread): `subject` names it, so two different pages
 * import side by side while the same page is never queued twice; `result` is what the job made, written in
 * the same transaction as the thing itself, for the UI to link and for a retried run to find.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table integration_jobs add column subject text not null default ''`.execute(db);
  await sql`alter table integration_jobs add column result jsonb`.execute(db);
  await sql`drop index integration_jobs_one_unfinished`.execute(db);
  await sql`create unique index integration_jobs_one_unfinished on integration_jobs (workspace_id, kind, connection_id, subject)
    nulls not distinct where status in ('queued', 'running')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index integration_jobs_one_unfinished`.execute(db);
  await sql`alter table integration_jobs drop column result`.execute(db);
  await sql`alter table integration_jobs drop column subject`.execute(db);
  await sql`create unique index integration_jobs_one_unfinished on integration_jobs (workspace_id, kind, connection_id)
    nulls not distinct where status in ('queued', 'running')`.execute(db);
}
