import type { Page, Request } from "@playwright/test";
import { sql } from "kysely";
import type { Database } from "../../db/database";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Every request the page makes: those to our origin in full (URL, every header the browser sent,
 * the body), and the URL of any request to a host that is neither ours nor an allowed one.
 */
export function recordTraffic(page: Page, appOrigin: string, allowedOrigins: () => string[]) {
  const toOurOrigin: RecordedRequest[] = [];
  const elsewhere: string[] = [];
  const pending: Promise<void>[] = [];
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:") return;
    if (url.origin !== appOrigin) {
      if (!allowedOrigins().includes(url.origin)) elsewhere.push(request.url());
      return;
    }
    pending.push(
      request.allHeaders().then((headers) => {
        toOurOrigin.push({ method: request.method(), url: request.url(), headers, body: request.postDataBuffer()?.toString("utf8") ?? "" });
      }),
    );
  };
  page.on("request", onRequest);
  return {
    toOurOrigin,
    elsewhere,
    async stop() {
      page.off("request", onRequest);
      await Promise.all(pending);
    },
  };
}

/** Every row of every table in the app's database, as text, for searching. */
export async function dumpDatabase(db: Database): Promise<string> {
  const tables = await db
    .selectFrom("information_schema.tables" as never)
    .select(sql<string>`table_name`.as("name"))
    .where(sql<boolean>`table_schema = 'public' and table_type = 'BASE TABLE'`)
    .execute();
  const dumps: string[] = [];
  for (const { name } of tables) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(db);
    dumps.push(`## ${name}\n${rows.rows.map((r) => r.row).join("\n")}`);
  }
  return dumps.join("\n");
}
