import { data, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { clearAiEndpoints } from "~/ai/ai-endpoints.server";
import { listAdministeredWorkspaces } from "~/modules/accounts/privacy/administered-workspaces.server";
import { PRIVACY_INTENTS } from "~/modules/accounts/privacy/privacy-intents";
import { SECURITY_INTENTS } from "~/modules/accounts/security/schema";
import { listActiveSessions, signOutElsewhere } from "~/modules/accounts/security/sessions.server";
import { disconnect } from "~/modules/integrations/connections.server";
import { requireConfiguredProvider } from "~/modules/integrations/providers.server";
import { AppError } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";
import type { SessionUser } from "~/services/session.server";

export async function loadPrivacyPage(context: AppLoadContext, user: SessionUser) {
  const sessionId = context.auth!.session.id;
  const [workspaces, sessions] = await Promise.all([listAdministeredWorkspaces(context.db, user.id), listActiveSessions(context.db, user.id, sessionId)]);
  return { workspaces, sessions, now: Date.now() };
}

export type PrivacyActionResult = { section: "integrations" | "keys" | "sessions"; notice?: string; error?: string };

const privacyIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(PRIVACY_INTENTS.disconnect), workspaceId: formText, provider: formText }),
  z.object({ intent: z.literal(PRIVACY_INTENTS.forgetEndpoints) }),
  z.object({ intent: z.literal(SECURITY_INTENTS.signOutSession), sessionId: formText }),
  z.object({ intent: z.literal(SECURITY_INTENTS.signOutOtherSessions) }),
]);

/**
 * The privacy page's small forms: disconnecting an integration of a workspace the user administers
 * (the same revoke-then-delete as Settings → Integrations), the account's AI endpoints after the
 * browser forgot its keys, and signing out other sessions (as the security page does).
 */
export async function handlePrivacyIntent(context: AppLoadContext, user: SessionUser, formData: FormData) {
  const form = parseIntent(formData, privacyIntents, "This form is not one the privacy page knows. Reload the page and try again.");
  switch (form.intent) {
    case PRIVACY_INTENTS.disconnect:
      return disconnectIntegration(context, user, form.workspaceId, form.provider);
    case PRIVACY_INTENTS.forgetEndpoints:
      await clearAiEndpoints(context.db, user.id);
      return { section: "keys", notice: "Every endpoint you added is removed." } satisfies PrivacyActionResult;
    case SECURITY_INTENTS.signOutSession:
    case SECURITY_INTENTS.signOutOtherSessions: {
      const target = form.intent === SECURITY_INTENTS.signOutSession ? form.sessionId : null;
      return { section: "sessions", notice: await signOutElsewhere(context.db, user.id, context.auth!.session.id, target) } satisfies PrivacyActionResult;
    }
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
