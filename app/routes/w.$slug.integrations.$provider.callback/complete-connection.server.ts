import type { AppLoadContext } from "@remix-run/node";
import { IntegrationError } from "../../../integrations/types";
import type { ConnectFlow } from "~/modules/integrations/connect-state.server";
import { saveConnection } from "~/modules/integrations/connections.server";
import { callbackUrl, requireConfiguredProvider } from "~/modules/integrations/providers.server";
import { takeFlow } from "~/services/browser-flows.server";
import { AppError } from "~/services/errors.server";
import { sameString } from "~/services/oauth/id-token.server";

interface Starter {
  workspace: { id: string; slug: string };
  user: { id: string };
}

/**
 * The provider's answer: the code is exchanged only when the state matches the flow this session
 * started from "Connect", for this workspace, provider and admin; the flow is spent either way.
 * Nothing is fetched from the provider before that (privacy promise 4).
 */
export async function completeConnection(context: AppLoadContext, { workspace, user }: Starter, providerId: string | undefined, request: Request) {
  const provider = requireConfiguredProvider(context.config, providerId);
  const refuse = (message: string) => new AppError(400, `${provider.name} was not connected`, message);
  const query = new URL(request.url).searchParams;
  const flow = (await takeFlow<ConnectFlow>(request, context, "connect"))?.payload;
  const state = query.get("state");
  if (!flow || !state || !sameString(flow.state, state) || flow.provider !== provider.id || flow.workspaceId !== workspace.id || flow.userId !== user.id) {
    throw refuse("This answer does not belong to a connection started from this browser, or it took longer than 10 minutes. Start again from Settings → Integrations.");
  }
  const denied = query.get("error");
  if (denied) throw refuse(`${provider.name} reports that access was not granted (${denied}).`);
  const code = query.get("code");
  if (!code) throw refuse(`${provider.name} sent no authorisation code. Start again from Settings → Integrations.`);

  try {
    const exchange = await provider.exchangeCode({ code, codeVerifier: flow.codeVerifier, redirectUri: callbackUrl(context.config, workspace.slug, provider.id) });
    await saveConnection(context.db, context.config, workspace.id, user.id, provider, exchange);
  } catch (error) {
    if (error instanceof IntegrationError) throw refuse(error.message);
    throw error;
  }
  return provider;
}
