import { data, type AppLoadContext } from "@remix-run/node";
import type { Database } from "../../../../db/database";
import { AppError } from "../../../services/errors.server";
import type { SessionUser } from "../../../services/session.server";
import { clearAiEndpoints } from "../../../ai/ai-endpoints.server";
import { disconnect, listConnections } from "../../integrations/connections.server";
import { PROVIDERS, requireConfiguredProvider } from "../../integrations/providers.server";
import { SECURITY_INTENTS } from "../security/schema";
import { handleSecurityIntent } from "../security/security-actions.server";
import { listActiveSessions } from "../security/sessions.server";
import { PRIVACY_INTENTS } from "./privacy-intents";


export interface AdministeredWorkspace {
  id: string;
  slug: string;
  name: string;
  role: string;
  connections: Array<{ provider: string; name: string; account: string; connectedAt: Date }>;
}

/** Workspaces (not deleted) where the user is an admin or owner: the ones they may export and whose integrations they manage. */
async function listAdministeredWorkspaces(db: Database, userId: string): Promise<AdministeredWorkspace[]> {
  const workspaces = await db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.slug", "workspaces.name", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .where("memberships.role", "in", ["owner", "admin"])
    .where("workspaces.deleted_at", "is", null)
    .orderBy("workspaces.name")
    .execute();
  return Promise.all(
    workspaces.map(async (workspace) => ({
      ...workspace,
      connections: (await listConnections(db, workspace.id)).map((connection) => ({
        provider: connection.provider,
        name: PROVIDERS.find((p) => p.id === connection.provider)?.name ?? connection.provider,
        account: connection.account_name,
        connectedAt: connection.connected_at,
      })),
    })),
  );
}

export async function loadPrivacyPage(context: AppLoadContext, user: SessionUser) {
  const sessionId = context.auth!.session.id;
  const [workspaces, sessions] = await Promise.all([listAdministeredWorkspaces(context.db, user.id), listActiveSessions(context.db, user.id, sessionId)]);
  return { workspaces, sessions, now: Date.now() };
}

export type PrivacyActionResult = { section: "integrations" | "keys" | "sessions"; notice?: string; error?: string };

/**
 * The privacy page's small forms: disconnecting an integration of a workspace the user administers
 * (the same revoke-then-delete as Settings → Integrations), the account's AI endpoints after the
 * browser forgot its keys, and signing out other sessions (the security page's own handler).
 */
export async function handlePrivacyIntent(context: AppLoadContext, user: SessionUser, form: FormData) {
  const intent = form.get("intent");
  switch (intent) {
    case PRIVACY_INTENTS.disconnect:
      return disconnectIntegration(context, user, String(form.get("workspaceId") ?? ""), String(form.get("provider") ?? ""));
    case PRIVACY_INTENTS.forgetEndpoints:
      await clearAiEndpoints(context.db, user.id);
      return { section: "keys", notice: "Every endpoint you added is removed." } satisfies PrivacyActionResult;
    case SECURITY_INTENTS.signOutSession:
    case SECURITY_INTENTS.signOutOtherSessions: {
      const answer = await handleSecurityIntent(context, user, context.auth!.session.id, form);
      const notice = answer && "notice" in answer && typeof answer.notice === "string" ? answer.notice : undefined;
      return { section: "sessions", notice } satisfies PrivacyActionResult;
    }
    default:
      return data({ section: "integrations", error: "This form is not one the privacy page knows. Reload the page and try again." } satisfies PrivacyActionResult, { status: 400 });
  }
}

async function disconnectIntegration(context: AppLoadContext, user: SessionUser, workspaceId: string, providerId: string) {
  // Scoped by membership: a workspace the user does not administer answers like one without that integration.
  const workspace = (await listAdministeredWorkspaces(context.db, user.id)).find((w) => w.id === workspaceId);
  const connection = workspace?.connections.find((c) => c.provider === providerId);
  if (!workspace || !connection) {
    return data({ section: "integrations", error: "That integration is not connected to a workspace you administer." } satisfies PrivacyActionResult, { status: 404 });
  }
  try {
    await disconnect(context.db, context.config, workspace.id, requireConfiguredProvider(context.config, providerId));
  } catch (error) {
    if (error instanceof AppError) return data({ section: "integrations", error: error.message } satisfies PrivacyActionResult, { status: error.status });
    throw error;
  }
  return {
    section: "integrations",
    notice: `${connection.name} is disconnected from ${workspace.name}: its token was revoked at ${connection.name} and deleted here.`,
  } satisfies PrivacyActionResult;
}
