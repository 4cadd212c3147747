import { readFile } from "node:fs/promises";
import type { FakeLlm } from "./fakes/llm/server";
import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { seedProductData } from "./support/seed-product";
import { addProviderKey, expect, test, uniqueKey } from "./support/ai";
import { dumpDatabase, recordTraffic } from "./support/traffic";
import { useEveryAgent, type AgentRun } from "./support/every-agent";

// PRODUCT.md §6 promise 3 (and §1 principle 1), end to end: with a unique key configured, every
// agent and the chat run in Chromium against the fake providers, while every request the browser
// makes to our origin is recorded in full. Then the key, the prompts and the answers are searched
// for in those requests, in the server's log and in every table of the database.

test("privacy promise 3: LLM API keys stay in the browser's localStorage and are never sent to our server", async ({ page, db, login, llm, harness }) => {
  test.setTimeout(180_000);
  const owner = await insertUser(db, { name: "Kim Keeper", email: uniqueEmail("promise-3") });
  const workspace = await insertWorkspace(db, owner.id, "Keyholders");
  const seeded = await seedProductData(db, workspace.id, owner.id);
  await login(owner);
  const key = uniqueKey();
  const appOrigin = new URL(harness.appUrl).origin;
  const traffic = recordTraffic(page, appOrigin, () => [new URL(llm.url).origin]);
  const logBefore = (await readFile(harness.serverLog, "utf8")).length;

  await addProviderKey(page, llm, { key });
  const runs: AgentRun[] = await useEveryAgent(page, llm, { slug: workspace.slug, ...seeded });
  await traffic.stop();

  await test.step("the key is in this browser's storage only as ciphertext, opened by a key no script can export", async () => {
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(storage).toContain("bearing.ai-vault.v1");
    expect(storage).not.toContain(key);
    const exportable = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("bearing-vault");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const deviceKey = await new Promise<CryptoKey>((resolve) => {
        const get = db.transaction("keys").objectStore("keys").get("device");
        get.onsuccess = () => resolve(get.result as CryptoKey);
      });
      return crypto.subtle.exportKey("raw", deviceKey).then(
        () => "exported",
        (error: unknown) => `refused: ${(error as Error).name}`,
      );
    });
    expect(exportable).toBe("refused: InvalidAccessError");
  });

  const secrets = secretsOf(key, llm, runs);
  await test.step("every agent called the provider straight from the browser, with the key", async () => {
    expect(new Set(runs.map((run) => run.agent)).size).toBe(runs.length);
    for (const run of runs) expect(llm.requests.some((request) => request.system.includes(run.systemMarker)), run.agent).toBe(true);
    expect(llm.requests.every((request) => request.apiKey === key)).toBe(true);
    expect(traffic.elsewhere).toEqual([]);
  });

  await test.step("no request to our origin carried the key, a prompt or an answer", async () => {
    expect(traffic.toOurOrigin.length).toBeGreaterThan(20);
    const sent = traffic.toOurOrigin.map((r) => `${r.method} ${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join("\n\n");
    for (const [what, secret] of secrets) expect(sent, what).not.toContain(secret);
    for (const text of runs.flatMap((run) => run.saved)) expect(sent, "an accepted answer, saved through an ordinary form post").toContain(text);
  });

  await test.step("the server's log holds none of them", async () => {
    const log = (await readFile(harness.serverLog, "utf8")).slice(logBefore);
    expect(log).toContain(`/w/${workspace.slug}/ai/corpus.json`);
    for (const [what, secret] of secrets) expect(log, what).not.toContain(secret);
  });

  await test.step("no table of the database holds any of them", async () => {
    const everything = await dumpDatabase(db);
    expect(everything).toContain(workspace.slug);
    for (const [what, secret] of secrets) expect(everything, what).not.toContain(secret);
    for (const text of runs.flatMap((run) => run.saved)) expect(everything, "an accepted answer").toContain(text);
  });
});

/** What must never reach us: the key, every prompt the provider received, and every answer not accepted by the user. */
function secretsOf(key: string, llm: FakeLlm, runs: AgentRun[]): [string, string][] {
  const secrets: [string, string][] = [["the API key", key]];
  for (const request of llm.requests) {
    secrets.push([`a system prompt (${request.path})`, request.system.slice(0, 160)]);
    // A prompt is instructions plus quoted workspace data; the data is the workspace's own, so look for the prompt as sent.
    if (request.prompt.includes("<workspace_data")) secrets.push([`a prompt (${request.path})`, request.prompt.slice(0, 400)]);
  }
  for (const run of runs) for (const text of run.unsaved) secrets.push([`an unsaved answer of the ${run.agent}`, text]);
  return secrets.filter(([, secret]) => secret.length > 0);
}
