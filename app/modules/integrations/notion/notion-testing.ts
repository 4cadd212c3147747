import { startFakeNotion, type FakeNotion } from "../../../../integrations/notion/fake-server";
import { connectProvider, startIntegrationTestEnv, type IntegrationTestEnv } from "../integration-testing";

export type NotionTestEnv = IntegrationTestEnv<FakeNotion>;

export async function startNotionTestEnv(): Promise<NotionTestEnv> {
  return startIntegrationTestEnv(await startFakeNotion());
}

export function connectNotion(env: NotionTestEnv): Promise<string> {
  return connectProvider(env, "notion");
}
