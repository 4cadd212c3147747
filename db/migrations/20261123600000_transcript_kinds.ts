import { sql, type Kysely } from "kysely";

// PRODUCT.md §5 (Notion): a page comes in "as a transcript or note". A note is a document that was
// no meeting — a spec, a research write-up — kept in the same library as the transcripts, so search,
// the AI agents and the workspace export see it without a second table (docs/decisions/012).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table transcripts add column kind text not null default 'meeting' check (kind in ('meeting', 'note'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table transcripts drop column kind`.execute(db);
}
