import { jiraProvider } from "../../../integrations/jira/oauth";
import { notionProvider } from "../../../integrations/notion/oauth";
import { slackProvider } from "../../../integrations/slack/oauth";
import type { IntegrationProvider, ProviderId } from "../../../integrations/types";
import type { Config } from "../../services/env.server";
import { notFound } from "../../services/errors.server";

/** Every provider built so far (PRODUCT.md §5 also plans Confluence, Linear and GitHub), in the order the settings page lists them. */
export const PROVIDERS: { id: ProviderId; name: string; description: string }[] = [
  { id: "slack", name: "Slack", description: "Post roadmap updates, risk alerts and meeting summaries to a channel; import a thread as a transcript." },
  { id: "jira", name: "Jira", description: "Import epics and issues as initiatives; push an initiative as an epic." },
  { id: "notion", name: "Notion", description: "Import pages as transcripts; export the roadmap to a database." },
];

export function providerName(id: ProviderId): string {
  return PROVIDERS.find((provider) => provider.id === id)?.name ?? id;
}

/** The provider's client, or null when this deployment has no app registered with it (or no such provider is built). */
export function configuredProvider(config: Config, id: string): IntegrationProvider | null {
  switch (id) {
    case "slack":
      return config.integrations.slack ? slackProvider(config.integrations.slack) : null;
    case "jira":
      return config.integrations.jira ? jiraProvider(config.integrations.jira) : null;
    case "notion":
      return config.integrations.notion ? notionProvider(config.integrations.notion) : null;
    default:
      return null;
  }
}

export function requireConfiguredProvider(config: Config, id: string | undefined): IntegrationProvider {
  const provider = id ? configuredProvider(config, id) : null;
  if (!provider) throw notFound("This integration");
  return provider;
}

/** Where the provider sends the browser back to; Slack's app settings register `<APP_URL>/w/` and accept paths below it. */
export function callbackUrl(config: Config, slug: string, provider: ProviderId): string {
  return new URL(`/w/${slug}/integrations/${provider}/callback`, config.appUrl).href;
}
