import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { UsageKind } from "../../../db/tables/usage";
import { ipPrefix } from "../../services/auth.server";
import type { Logger } from "../../services/logger.server";
import { patternFromPath } from "./route-pattern";

/** One usage event: what was used, never who used it (docs/decisions/013). */
export interface UsageEvent {
  kind: UsageKind;
  /** A route pattern for page views and errors, a dotted feature name (`risk.created`) for features. */
  name: string;
  origin: "server" | "browser";
  workspaceId?: string | null;
  traceId?: string | null;
  message?: string | null;
  /** The client address: only its prefix (/24, /48) is written. */
  ip?: string | null;
}

/**
 * Writes one usage event. Counting must never break what is being counted: a failure is logged and
 * swallowed. Inside a transaction the insert runs under a savepoint, so a failed insert cannot abort
 * the caller's transaction either.
 */
export async function recordUsage(db: Database, event: UsageEvent, logger?: Pick<Logger, "warn">): Promise<void> {
  const row = {
    kind: event.kind,
    name: event.name.slice(0, 200),
    origin: event.origin,
    workspace_id: event.workspaceId ?? null,
    trace_id: event.traceId?.slice(0, 64) ?? null,
    message: event.message ? firstLine(event.message) : null,
    ip_prefix: event.ip && event.ip !== "unknown" ? ipPrefix(event.ip) : null,
  };
  const savepoint = db.isTransaction;
  try {
    if (savepoint) await sql`savepoint usage_event`.execute(db);
    await db.insertInto("usage_events").values(row).execute();
    if (savepoint) await sql`release savepoint usage_event`.execute(db);
  } catch (error) {
    if (savepoint) await sql`rollback to savepoint usage_event`.execute(db).catch(() => {});
    logger?.warn({ err: error, kind: event.kind, name: row.name }, "usage event not recorded");
  }
}

/** The error's first line, as much as the table keeps: stack traces stay in the logs. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").trim().slice(0, 1000);
}

/**
 * The workspace to credit for a `:slug`: only one the signed-in person belongs to, so nobody can count
 * visits into a workspace that is not theirs; anyone else's page views are counted without one.
 */
export async function workspaceForUsage(context: AppLoadContext, slug: string | undefined): Promise<string | null> {
  const userId = context.auth?.user.id;
  if (!slug || !userId) return null;
  const membership = await context.db
    .selectFrom("workspaces")
    .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
    .select("workspaces.id")
    .where("workspaces.slug", "=", slug)
    .where("workspaces.deleted_at", "is", null)
    .where("memberships.user_id", "=", userId)
    .executeTakeFirst();
  return membership?.id ?? null;
}

/**
 * A document request's page view, named by the pattern of the route that served it and credited to the
 * workspace its layout loader already resolved for this member (navigations after it arrive through POST /usage).
 */
export function recordPageView(context: AppLoadContext, pattern: string, workspaceId: string | null): Promise<void> {
  return recordUsage(context.db, { kind: "page_view", name: pattern, origin: "server", workspaceId, ip: context.ip }, context.logger);
}

/** An unexpected server error, under the request id the response carried and the error page shows. */
export async function recordServerError(
  context: AppLoadContext,
  request: Request,
  params: Readonly<Record<string, string | undefined>>,
  error: unknown,
): Promise<void> {
  try {
    const workspaceId = await workspaceForUsage(context, params.slug);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await recordUsage(
      context.db,
      {
        kind: "error",
        name: patternFromPath(new URL(request.url).pathname, params),
        origin: "server",
        workspaceId,
        traceId: context.requestId,
        message,
        ip: context.ip,
      },
      context.logger,
    );
  } catch (failure) {
    context.logger.warn({ err: failure }, "server error not recorded as usage");
  }
}

/** A feature used, counted once per kind of item an activity records (`initiative.created`). */
export async function recordFeatures(db: Database, workspaceId: string, names: readonly string[]): Promise<void> {
  for (const name of new Set(names)) await recordUsage(db, { kind: "feature", name, origin: "server", workspaceId });
}
