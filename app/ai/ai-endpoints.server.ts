import { sql } from "kysely";
import type { Database } from "../../db/database";
import { DEFAULT_PROVIDER_ORIGINS, endpointOrigin } from "./providers";

const MAX_ENDPOINTS = 10;

/**
 * Lets this user's pages connect to the origin of an AI endpoint they configured (the CSP's
 * connect-src). Receives a base URL and keeps only its origin: never a key, a model or a path.
 */
export async function allowAiEndpoint(db: Database, userId: string, baseUrl: string): Promise<{ origin: string } | { error: string }> {
  const parsed = endpointOrigin(baseUrl);
  if ("error" in parsed || DEFAULT_PROVIDER_ORIGINS.includes(parsed.origin)) return parsed;
  const updated = await db
    .updateTable("users")
    .set({ ai_endpoints: sql<string[]>`array_append(array_remove(ai_endpoints, ${parsed.origin}), ${parsed.origin})` })
    .where("id", "=", userId)
    .where(sql<boolean>`(${parsed.origin} = any(ai_endpoints) or cardinality(ai_endpoints) < ${MAX_ENDPOINTS})`)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return { error: `You can allow up to ${MAX_ENDPOINTS} endpoints; remove one first.` };
  return parsed;
}

export async function removeAiEndpoint(db: Database, userId: string, origin: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ ai_endpoints: sql<string[]>`array_remove(ai_endpoints, ${origin})` })
    .where("id", "=", userId)
    .execute();
}

export async function clearAiEndpoints(db: Database, userId: string): Promise<void> {
  await db.updateTable("users").set({ ai_endpoints: [] }).where("id", "=", userId).execute();
}
