import type { ActionFunctionArgs } from "@remix-run/node";
import { MAX_USAGE_BODY_BYTES, usageReportSchema } from "~/modules/usage/schema";
import { readBodyAtMost } from "~/services/request-body.server";
import { pagePattern } from "~/modules/usage/page-pattern.server";
import { recordUsage, workspaceForUsage } from "~/modules/usage/usage.server";

/** Nothing to read here: reports are only ever sent. */
export function loader() {
  return refused(405, "Only POST is accepted here.");
}

/**
 * Where our own pages report navigations, AI agent runs and browser errors (app/modules/usage). POST only;
 * the app refuses cross-origin posts before they reach this (app/server/security.ts). Anonymous reports
 * are welcome: the login page has page views too.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return refused(405, "Only POST is accepted here.");
  // Read only as far as a report can go: a longer body is refused there, however long it would have been.
  const bytes = await readBodyAtMost(request, MAX_USAGE_BODY_BYTES);
  if (bytes === null) return refused(413, "A usage report is at most 4 KB.");
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString("utf8"));
  } catch {
    return refused(400, "A usage report is a JSON object.");
  }
  const parsed = usageReportSchema.safeParse(body);
  if (!parsed.success) return refused(400, "This is not a usage report we accept.");

  const report = parsed.data;
  const name = report.kind === "feature" ? report.name : pagePattern(report.routeId);
  if (name === null) return refused(400, "This is not a usage report we accept.");
  const workspaceId = await workspaceForUsage(context, report.slug);
  const message = report.kind === "error" ? report.message : null;
  await recordUsage(context.db, { kind: report.kind, name, origin: "browser", workspaceId, message, ip: context.ip }, context.logger);
  return new Response(null, { status: 204 });
}

function refused(status: number, error: string) {
  return Response.json({ error }, { status, headers: status === 405 ? { Allow: "POST" } : undefined });
}
