import { sql, type Kysely } from "kysely";

// Restoring a soft-deleted workspace is recorded in its activity log like its deletion.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table activity_events drop constraint activity_events_action_check`.execute(db);
  await sql`alter table activity_events add constraint activity_events_action_check
    check (action in ('created', 'updated', 'deleted', 'restored'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from activity_events where action = 'restored'`.execute(db);
  await sql`alter table activity_events drop constraint activity_events_action_check`.execute(db);
  await sql`alter table activity_events add constraint activity_events_action_check
    check (action in ('created', 'updated', 'deleted'))`.execute(db);
}
