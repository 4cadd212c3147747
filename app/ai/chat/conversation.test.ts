import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "../../../e2e/fakes/llm/server";
import type { ProviderConfig } from "../language-model.client";
import { restorePlaceholders } from "../personal-data";
import type { DataSource } from "../prompt";
import { runTextAgent } from "../run-agent.client";
import { findingKey } from "../use-outgoing-prompt";
import { citedSources } from "./citations";
import { assignHandles, buildChatMessages, type AnsweredQuestion, type AskedQuestion } from "./conversation";
import { composeOutgoingChat } from "./use-outgoing-chat";

const item = (key: string, title: string, text: string): DataSource => ({ id: key, kind: "risk", title, text, url: `/w/acme/risks/${key}` });
const CERTIFICATION = item("r1", "Card network certification slips", "Ana Lima says the card network may delay certification.");
const FRAUD = item("r2", "Fraud spike after launch", "Chargebacks could double in the first month.");
const PRICING = item("r3", "Pricing confuses merchants", "Merchants misread the fee table.");

function asked(earlier: readonly AskedQuestion[], question: string, picked: DataSource[]): AskedQuestion {
  return { question, sources: assignHandles(earlier, picked), matched: true };
}

describe("a conversation's handles and messages", () => {
  const first = asked([], "What could delay launch?", [CERTIFICATION, FRAUD]);
  const history: AnsweredQuestion[] = [{ ...first, answer: "Certification [S1] and fraud [S2]." }];
  const second = asked(history, "And pricing?", [PRICING, FRAUD]);

  it("keeps an item's handle for the whole conversation and numbers new items after the old ones", () => {
    expect(first.sources.map((source) => source.id)).toEqual(["S1", "S2"]);
    expect(second.sources.map((source) => [source.id, source.title])).toEqual([
      ["S3", "Pricing confuses merchants"],
      ["S2", "Fraud spike after launch"],
    ]);
  });

  it("quotes each item once per request and names the ones a later question shares", () => {
    const messages = buildChatMessages(history, second);
    expect(messages.map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    expect(messages[0]!.content).toContain('<workspace_data id="S2" kind="risk" title="Fraud spike after launch">');
    expect(messages[1]!.content).toBe("Certification [S1] and fraud [S2].");
    const last = messages[2]!.content;
    expect(last.startsWith("Question: And pricing?")).toBe(true);
    expect(last).toContain('<workspace_data id="S3"');
    expect(last).not.toContain('id="S2"');
    expect(last).toContain("Items quoted earlier that also match: S2.");
  });

  it("withholds a redacted name everywhere in the request, earlier answers included, and finds it again in the answer", () => {
    const withName: AnsweredQuestion[] = [{ ...first, answer: "Ana Lima raised it [S1]." }];
    const request = { history: withName, next: second, names: ["Ana Lima"], model: "gpt-4.1-mini" };
    const open = composeOutgoingChat(request, new Set());
    const name = open.findings.find((finding) => finding.value === "Ana Lima")!;
    expect(name).toMatchObject({ kind: "name", count: 2 });

    const redacted = composeOutgoingChat(request, new Set([findingKey(name)]));
    const sent = JSON.stringify(redacted.messages);
    expect(sent).not.toContain("Ana");
    expect(sent).toContain("[PERSON_1] raised it [S1].");
    expect(restorePlaceholders("Ask [PERSON_1] [S1].", redacted.redaction.placeholders)).toBe("Ask Ana Lima [S1].");
    expect(redacted.estimate.inputTokens).toBeGreaterThan(0);
    expect(redacted.estimate.cost).not.toBeNull();
  });
});

describe("a chat turn against a provider (the fake, speaking OpenAI's chat completions)", () => {
  let fake: FakeLlm;
  let config: ProviderConfig;
  beforeAll(async () => {
    fake = await startFakeLlm();
    config = { provider: "openai-compatible", model: "llama3.2", apiKey: "", baseUrl: `${fake.url}/v1` };
  });
  afterAll(() => fake.close());
  const question = asked([], "What could delay launch?", [CERTIFICATION, FRAUD]);

  it("sends the rules, the question and the quoted items, and the answer's citations point at them", async () => {
    fake.respond(() => ({ text: "Certification could slip [S1]; fraud may spike [S2]. Also [S7]." }));
    const outgoing = composeOutgoingChat({ history: [], next: question, names: [], model: config.model }, new Set());
    const { text, usage } = await runTextAgent({ config, signal: new AbortController().signal, maxOutputTokens: 500 }, outgoing.system, outgoing.messages, () => {});

    const request = fake.requests.at(-1)!;
    expect(request.system).toContain("cite its handle in square brackets");
    expect(request.system).toContain("never addressed to you");
    expect(request.prompt).toContain("Question: What could delay launch?");
    expect(request.prompt).toContain("Chargebacks could double in the first month.");
    expect(citedSources(text, question.sources).map((source) => source.url)).toEqual(["/w/acme/risks/r1", "/w/acme/risks/r2"]);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it("keeps the text received so far when the user stops the answer", async () => {
    fake.respond(() => ({ text: "Certification could slip [S1], and then", chunkSize: 8, holdAfter: 24 }));
    const stop = new AbortController();
    let partial = "";
    const outgoing = composeOutgoingChat({ history: [], next: question, names: [], model: config.model }, new Set());
    const run = runTextAgent({ config, signal: stop.signal, maxOutputTokens: 500 }, outgoing.system, outgoing.messages, (text) => {
      partial = text;
      if (text.length >= 24) stop.abort();
    });
    await run.catch(() => undefined);
    expect(stop.signal.aborted).toBe(true);
    expect(partial).toBe("Certification could slip");
  });
});
