import { insertUser, insertWorkspace, uniqueEmail } from "./support/seed";
import { seedProductData } from "./support/seed-product";
import { addProviderKey, expect, test, uniqueKey } from "./support/ai";
import { chooseTheme, shoot } from "./support/screens";

// Issue 4 item 10: a product owner brings their own key and works with the agents, against the
// fake providers in e2e/fakes/llm (Chromium calls them cross-origin, as it would call OpenAI).

const risk = (title: string, quote: string, likelihood: number, impact: number) => ({
  title,
  description: `From the discovery call: ${title.toLowerCase()}.`,
  likelihood,
  impact,
  mitigation: "Talk to the bank this week.",
  quote,
});

const SUMMARY = {
  // The model saw placeholders instead of names; the answer uses them and the browser puts the names back.
  summary: "[PERSON_1] explained the daily bank batch; the team will pilot instant retries.",
  decisions: [{ decision: "Pilot instant retries with five sellers first.", quote: "Decision: we pilot instant retries with five sellers first." }],
  actionItems: [{ text: "Ask the bank about an intraday batch", owner: "[PERSON_1]", quote: "The bank batch runs once a day, so a failed payout waits for the next batch." }],
  risks: [
    risk("Retry work slips past the December freeze", "If we miss the December freeze, the retry work slips to next year.", 4, 4),
    risk("Single bank batch delays failed payouts", "The bank batch runs once a day, so a failed payout waits for the next batch.", 3, 4),
    risk("Sellers churn over slow payouts", "Sellers keep asking why payouts take three days.", 2, 3),
  ],
};

test("a product owner adds a key, summarises a transcript, accepts two of three risks, asks the workspace, follows a citation and stops a stream", async ({
  page,
  context,
  db,
  login,
  llm,
}) => {
  test.setTimeout(120_000);
  const owner = await insertUser(db, { name: "Priya Shah", email: uniqueEmail("priya-ai") });
  const workspace = await insertWorkspace(db, owner.id, "Ledgerline");
  const { transcriptId } = await seedProductData(db, workspace.id, owner.id);
  await login(owner);

  await test.step("a key is added and tested in Settings → AI keys", async () => {
    await addProviderKey(page, llm, { key: uniqueKey() });
    await chooseTheme(page, "light");
    await shoot(page, "ai-keys");
  });

  await test.step("the summariser's preview flags the attendees' names, email and phone, and redacts them in one click", async () => {
    llm.respond(() => ({ text: JSON.stringify(SUMMARY) }));
    await page.goto(`/w/${workspace.slug}/transcripts/${transcriptId}`);
    await page.getByRole("button", { name: "Summarise with AI" }).click();
    const panel = page.getByRole("dialog", { name: "Summarise with AI" });
    const found = panel.getByRole("list", { name: "Personal data found" });
    await expect(found.getByText("Name: Marco Bianchi")).toBeVisible();
    await expect(found.getByText("Email: marco.bianchi@ledgerline.example")).toBeVisible();
    await expect(found.getByText("Phone: +44 20 7946 0958")).toBeVisible();
    await expect(found.getByText(/2026-11-20/)).toHaveCount(0);
    await expect(panel.getByText("This text contains lines addressed to an AI")).toBeVisible();
    await expect(panel.getByTestId("estimate")).toContainText("tokens in");
    await panel.getByRole("button", { name: "Redact all" }).click();
    await shoot(page, "ai-summariser-preview");
    await panel.getByRole("button", { name: "Run" }).click();
    await expect(panel.getByTestId("usage")).toBeVisible();
    const sent = llm.requests.at(-1)!;
    for (const personal of ["Marco Bianchi", "Dana Okafor", "marco.bianchi@ledgerline.example", "+44 20 7946 0958"]) expect(sent.prompt).not.toContain(personal);
    await expect(panel.getByRole("listitem", { name: "Summary: Meeting summary" })).toContainText("Marco Bianchi explained the daily bank batch");
    await shoot(page, "ai-summariser-review");
  });

  await test.step("two of the three proposed risks are accepted, the third rejected", async () => {
    const panel = page.getByRole("dialog", { name: "Summarise with AI" });
    const review = panel.getByRole("region", { name: "Risks" });
    await expect(review.getByRole("listitem")).toHaveCount(3);
    await review.getByRole("listitem", { name: `Risk: ${SUMMARY.risks[0]!.title}` }).getByRole("button", { name: "Accept" }).click();
    await expect(review.getByRole("listitem", { name: `Risk: ${SUMMARY.risks[0]!.title}` }).getByText("Saved, marked AI.")).toBeVisible();
    const second = review.getByRole("listitem", { name: `Risk: ${SUMMARY.risks[1]!.title}` });
    await second.getByRole("button", { name: "Edit" }).click();
    await second.getByLabel("Mitigation").fill("Negotiate an intraday batch with the bank.");
    await second.getByRole("button", { name: "Save edited" }).click();
    await expect(second.getByText("Saved, marked AI.")).toBeVisible();
    const third = review.getByRole("listitem", { name: `Risk: ${SUMMARY.risks[2]!.title}` });
    await third.getByRole("button", { name: "Reject" }).click();
    await expect(third.getByText("Rejected.")).toBeVisible();
    await panel.getByRole("button", { name: "Close" }).click();
  });

  await test.step("the accepted risks are in the register, marked AI; the rejected one is not", async () => {
    await page.goto(`/w/${workspace.slug}/risks`);
    const register = page.getByRole("table");
    for (const title of [SUMMARY.risks[0]!.title, SUMMARY.risks[1]!.title]) {
      await expect(register.getByRole("row", { name: new RegExp(title) }).getByText("AI", { exact: true })).toBeVisible();
    }
    await expect(register.getByRole("link", { name: SUMMARY.risks[2]!.title })).toHaveCount(0);
    const edited = await db
      .selectFrom("risks")
      .select(["mitigation", "source", "transcript_id"])
      .where("workspace_id", "=", workspace.id)
      .where("title", "=", SUMMARY.risks[1]!.title)
      .executeTakeFirstOrThrow();
    expect(edited).toEqual({ mitigation: "Negotiate an intraday batch with the bank.", source: "ai", transcript_id: transcriptId });
    await shoot(page, "ai-risks-in-register");
  });

  await test.step("the workspace answers a question with a citation that leads to the item", async () => {
    llm.respond((request) => {
      const handle = /id="(S\d+)" kind="risk" title="Bank batch outage"/.exec(request.prompt)?.[1] ?? "S404";
      return { text: `The biggest open risk is a bank batch outage [${handle}], rated likelihood 2 and impact 4.` };
    });
    await page.goto(`/w/${workspace.slug}/ai`);
    await page.getByLabel("Ask a question").fill("What is our riskiest dependency on the bank?");
    await page.getByRole("button", { name: "Send" }).click();
    const answer = page.getByRole("article", { name: /^Answer to: What is our riskiest dependency/ });
    await expect(answer.getByTestId("usage")).toBeVisible();
    await expect(answer).toContainText("The biggest open risk is a bank batch outage");
    await shoot(page, "ai-ask-the-workspace");
    const opened = context.waitForEvent("page");
    await answer.getByRole("region", { name: "Sources" }).getByRole("link", { name: "Bank batch outage" }).click();
    const itemPage = await opened;
    await expect(itemPage.getByRole("heading", { name: "Bank batch outage", level: 1 })).toBeVisible();
    await itemPage.close();
  });

  await test.step("a streaming answer stops midway and keeps what arrived", async () => {
    llm.respond(() => ({ text: "Retries first, because sellers feel the delay every day. Then the dashboard, and after that the contract.", holdAfter: 30 }));
    await page.getByLabel("Ask a question").fill("What should we do first?");
    await page.getByRole("button", { name: "Send" }).click();
    const answer = page.getByRole("article", { name: /^Answer to: What should we do first/ });
    await expect(answer).toContainText("Retries first");
    await page.getByRole("button", { name: "Stop" }).click();
    await expect(answer.getByText("Stopped: the answer above is incomplete.")).toBeVisible();
    await expect(answer).not.toContainText("after that the contract");
    await shoot(page, "ai-stopped-stream");
  });
});
