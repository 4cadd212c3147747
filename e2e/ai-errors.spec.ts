import { startFakeLlm } from "./fakes/llm/server";
import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { seedProductData } from "./support/seed-product";
import { addProviderKey, expect, test, uniqueKey } from "./support/ai";
import { shoot } from "./support/screens";

// Issue 4 item 6: a failed call names the cause and the fix, in a real browser, where a CORS
// refusal and an unreachable server look alike until Bearing probes them.

test("a rejected key, a local server that refuses browser calls, and a stopped server each name their cause and fix", async ({ page, db, login }) => {
  const user = await insertUser(db, { name: "Errol Case", email: uniqueEmail("ai-errors") });
  await login(user);
  const strict = await startFakeLlm({ keys: { "sk-the-right-key-000000": "valid" } });
  const refusing = await startFakeLlm({ cors: "refuse" });
  try {
    await page.goto("/settings/ai-keys");
    const openai = page.getByRole("region", { name: "OpenAI", exact: true });
    await openai.getByLabel("API key").fill("sk-a-wrong-key-0000000000");
    await openai.getByLabel("Base URL").fill(`${strict.url}/v1`);
    await openai.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("region", { name: "OpenAI", exact: true }).getByText(/Key sk-/)).toBeVisible();
    await page.getByRole("region", { name: "OpenAI", exact: true }).getByRole("button", { name: "Test key" }).click();
    const rejected = page.getByRole("region", { name: "OpenAI", exact: true }).getByRole("alert");
    await expect(rejected).toContainText("Key rejected");
    await expect(rejected).toContainText("Settings → AI keys");
    await expect(rejected).not.toContainText("sk-a-wrong-key-0000000000");

    const local = page.getByRole("region", { name: /^OpenAI-compatible/ });
    await local.getByLabel("Base URL").fill(`${refusing.url}/v1`);
    await local.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("region", { name: /^OpenAI-compatible/ }).getByText("Saved, no key")).toBeVisible();
    await page.getByRole("region", { name: /^OpenAI-compatible/ }).getByRole("button", { name: "Test key" }).click();
    const cors = page.getByRole("region", { name: /^OpenAI-compatible/ }).getByRole("alert");
    await expect(cors).toContainText("Browser calls refused");
    await expect(cors).toContainText(`OLLAMA_ORIGINS=${new URL(page.url()).origin} ollama serve`);
    await shoot(page, "ai-keys-errors", { fullPage: false });

    await refusing.close();
    await page.getByRole("region", { name: /^OpenAI-compatible/ }).getByRole("button", { name: "Test key" }).click();
    await expect(page.getByRole("region", { name: /^OpenAI-compatible/ }).getByRole("alert")).toContainText("Provider unreachable");
  } finally {
    await strict.close();
    await refusing.close().catch(() => undefined);
  }
});

test("an agent run that hits a rate limit says when to retry, and the retry succeeds", async ({ page, db, login }) => {
  const user = await insertUser(db, { name: "Rita Limit", email: uniqueEmail("ai-rate") });
  const workspace = await insertWorkspace(db, user.id, "Ratelimited");
  await seedProductData(db, workspace.id, user.id);
  await login(user);
  const key = uniqueKey();
  const llm = await startFakeLlm({ keys: { [key]: "valid" } });
  try {
    await addProviderKey(page, llm, { key });
    await page.goto(`/w/${workspace.slug}/risks`);
    await page.getByRole("button", { name: "Find risks with AI" }).click();
    const panel = page.getByRole("dialog", { name: "Find risks with AI" });
    let calls = 0;
    llm.respond(() => {
      calls += 1;
      return calls === 1 ? { fail: "rate-limit" as const } : { text: JSON.stringify({ risks: [] }) };
    });
    await panel.getByRole("button", { name: "Run" }).click();
    await expect(panel.getByRole("alert")).toContainText("Too many requests");
    await panel.getByRole("button", { name: /Retry/ }).click();
    await expect(panel.getByText("Nothing to propose")).toBeVisible();
  } finally {
    await llm.close();
  }
});
