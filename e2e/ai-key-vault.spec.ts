import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { addProviderKey, expect, test, uniqueKey } from "./support/ai";
import { chooseTheme, shoot } from "./support/screens";

// Issue 4 item 1: the key vault in a real browser — a passphrase locks the keys for every new tab
// until it is given, the key is never shown back in full, and "forget all keys" leaves nothing.

test("a passphrase locks the keys until it is given, and forgetting all keys leaves nothing behind", async ({ page, db, login, llm }) => {
  const user = await insertUser(db, { name: "Vera Vault", email: uniqueEmail("vault") });
  const workspace = await insertWorkspace(db, user.id, "Vaulted");
  await login(user);
  const key = uniqueKey();
  await addProviderKey(page, llm, { key });

  await test.step("the key is shown masked, never in full, not even in the page's HTML", async () => {
    const openai = page.getByRole("region", { name: "OpenAI", exact: true });
    await expect(openai.getByText(`Key sk-••••••••${key.slice(-4)}`)).toBeVisible();
    expect(await page.content()).not.toContain(key);
    await expect(openai.getByLabel("API key")).toHaveValue("");
  });

  await test.step("a passphrase locks the vault: a new tab asks for it, a wrong one is refused", async () => {
    const lock = page.getByRole("region", { name: "Lock with a passphrase" });
    await lock.getByLabel("Passphrase").fill("harbour-lantern-42");
    await lock.getByRole("button", { name: "Set passphrase" }).click();
    await expect(page.getByRole("region", { name: "Passphrase", exact: true })).toBeVisible();

    await page.goto(`/w/${workspace.slug}/risks`);
    await chooseTheme(page, "dark");
    await page.getByRole("button", { name: "Find risks with AI" }).click();
    const panel = page.getByRole("dialog", { name: "Find risks with AI" });
    await panel.getByLabel("Passphrase").fill("not-the-passphrase");
    await panel.getByRole("button", { name: "Unlock keys" }).click();
    await expect(panel.getByText("That passphrase does not open the vault.")).toBeVisible();
    await shoot(page, "ai-vault-locked", { fullPage: false });
    await panel.getByLabel("Passphrase").fill("harbour-lantern-42");
    await panel.getByRole("button", { name: "Unlock keys" }).click();
    await expect(panel.getByLabel("Provider")).toHaveValue("openai");
    await expect(panel.getByRole("button", { name: "Run" })).toBeEnabled();
  });

  await test.step("a structured run stopped midway saves nothing and can run again", async () => {
    llm.respond(() => ({ text: JSON.stringify({ risks: [{ title: "Half a risk that never arrives in full" }] }), holdAfter: 20 }));
    const panel = page.getByRole("dialog", { name: "Find risks with AI" });
    await panel.getByRole("button", { name: "Run" }).click();
    await expect(panel.getByText(/Streaming from OpenAI/)).toBeVisible();
    await panel.getByRole("button", { name: "Stop" }).click();
    await expect(panel.getByText("Stopped. Nothing was saved; run again when you are ready.")).toBeVisible();
    await expect(panel.getByRole("button", { name: "Run again" })).toBeEnabled();
    const risks = await db.selectFrom("risks").select("id").where("workspace_id", "=", workspace.id).execute();
    expect(risks).toEqual([]);
    await panel.getByRole("button", { name: "Close" }).click();
  });

  await test.step("forget all keys empties this browser's vault and the endpoints allowed on the account", async () => {
    await page.goto("/settings/ai-keys");
    await page.getByRole("region", { name: "Unlock your keys" }).getByLabel("Passphrase").fill("harbour-lantern-42");
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("region", { name: "Forget all keys" }).getByRole("button", { name: "Forget all keys" }).click();
    await page.getByRole("button", { name: "Yes, forget all keys" }).click();
    await expect(page.getByRole("region", { name: "OpenAI", exact: true }).getByText("Not set")).toBeVisible();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((name) => name.startsWith("bearing.ai-vault")))).toEqual([]);
    // The vault empties in the browser at once; the account's endpoints follow with the form post it sends.
    await expect
      .poll(async () => (await db.selectFrom("users").select("ai_endpoints").where("id", "=", user.id).executeTakeFirstOrThrow()).ai_endpoints)
      .toEqual([]);
    const response = await page.reload();
    expect(response?.headers()["content-security-policy"]).not.toContain(new URL(llm.url).origin);
  });
});
