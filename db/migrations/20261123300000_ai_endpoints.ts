import { sql, type Kysely } from "kysely";

// The origins of the AI endpoints a user configured in their browser's key vault (a local Ollama, an
// OpenRouter proxy): the server needs them for the CSP's connect-src. Origins only, never a key.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users add column ai_endpoints text[] not null default '{}'
    check (cardinality(ai_endpoints) <= 10)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop column ai_endpoints`.execute(db);
}
