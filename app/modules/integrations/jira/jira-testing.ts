import { startFakeAtlassian, type FakeAtlassian, type FakeAtlassianOptions } from "../../../../integrations/jira/fake-server";
import { connectProvider, startIntegrationTestEnv, type IntegrationTestEnv } from "../integration-testing";

export type JiraTestEnv = IntegrationTestEnv<FakeAtlassian>;

/** A fake Atlassian, a database and the configuration a deployment pointed at it would have. */
export async function startJiraTestEnv(options: FakeAtlassianOptions = {}): Promise<JiraTestEnv> {
  return startIntegrationTestEnv(await startFakeAtlassian(options));
}

export function connectJira(env: JiraTestEnv): Promise<string> {
  return connectProvider(env, "jira");
}
