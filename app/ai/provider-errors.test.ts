import { createAnthropic } from "@ai-sdk/anthropic";
import { generateText, Output, streamText, type LanguageModel } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeLlm, type FakeLlm } from "../../e2e/fakes/llm/server";
import { createLanguageModel, type ProviderConfig } from "./language-model.client";
import { describeProviderError, diagnoseUnreachable, type ProviderErrorContext, type ProviderProblem } from "./provider-errors";
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from "./providers";

// Real failures, produced by the real AI SDK against the fake providers' real error answers.

globalThis.AI_SDK_LOG_WARNINGS = false;

const VALID_KEY = "sk-test-valid-0001";
const UNKNOWN_KEY = "sk-test-unknown-key-9876543210";
const MODELS = PROVIDER_IDS.map((id) => PROVIDERS[id].defaultModel);

let fake: FakeLlm;
let deadUrl: string;
beforeAll(async () => {
  fake = await startFakeLlm({ keys: { [VALID_KEY]: "valid", "sk-test-quota": "quota", "sk-test-rate-limit": "rate-limit" }, models: MODELS });
  const closed = await startFakeLlm();
  await closed.close();
  deadUrl = closed.url;
});
afterAll(() => fake.close());

function configFor(provider: ProviderId, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { provider, apiKey: VALID_KEY, baseUrl: `${fake.url}/${provider === "gemini" ? "v1beta" : "v1"}`, model: PROVIDERS[provider].defaultModel, ...overrides };
}

function contextFor(config: ProviderConfig): ProviderErrorContext {
  return { providerLabel: PROVIDERS[config.provider].label, provider: config.provider, baseUrl: config.baseUrl, model: config.model };
}

/** Streams as the agents do and returns the error the stream reported. */
async function streamFailure(model: LanguageModel, options: { maxRetries?: number } = {}): Promise<unknown> {
  const result = streamText({ model, prompt: "Hello", maxRetries: options.maxRetries ?? 0, onError: () => {} });
  for await (const part of result.fullStream) if (part.type === "error") return part.error;
  throw new Error("the stream reported no error");
}

/** Calls once as the "Test key" button does and returns what it threw. */
async function generateFailure(model: LanguageModel): Promise<unknown> {
  return generateText({ model, prompt: "Hello", maxRetries: 0 }).then(
    () => Promise.reject(new Error("the call succeeded")),
    (error: unknown) => error,
  );
}

const FAILURES: { mode: string; overrides: Partial<ProviderConfig>; kind: ProviderProblem["kind"] }[] = [
  { mode: "an unknown key", overrides: { apiKey: UNKNOWN_KEY }, kind: "bad-key" },
  { mode: "an account without credit", overrides: { apiKey: "sk-test-quota" }, kind: "quota" },
  { mode: "a rate-limited key", overrides: { apiKey: "sk-test-rate-limit" }, kind: "rate-limit" },
  { mode: "a model that does not exist", overrides: { model: "no-such-model-7b" }, kind: "model-not-found" },
];

describe.each(PROVIDER_IDS)("%s", (provider) => {
  describe.each(FAILURES)("$mode", ({ overrides, kind }) => {
    it.each([
      ["streamed", streamFailure],
      ["single", generateFailure],
    ] as const)("a %s call reads as the right problem, naming the provider", async (_, fail) => {
      const config = configFor(provider, overrides);
      const problem = describeProviderError(await fail(createLanguageModel(config)), contextFor(config));

      expect(problem.kind).toBe(kind);
      expect(problem.message).toContain(PROVIDERS[provider].label);
      expect(`${problem.title} ${problem.message} ${problem.fix}`).not.toContain(config.apiKey);
      if (kind === "rate-limit") expect(problem.retryAfterSeconds).toBe(7);
      if (kind === "model-not-found") expect(problem.message).toContain("no-such-model-7b");
    });
  });
});

describe("messages a user can act on", () => {
  it("tells where to fix a rejected key", async () => {
    const config = configFor("openai", { apiKey: UNKNOWN_KEY });
    const problem = describeProviderError(await streamFailure(createLanguageModel(config)), contextFor(config));
    expect(problem).toMatchObject({ message: "OpenAI rejected the key.", fix: expect.stringContaining("Settings → AI keys") });
  });

  it("points to billing when the credit is gone", async () => {
    const config = configFor("anthropic", { apiKey: "sk-test-quota" });
    const problem = describeProviderError(await streamFailure(createLanguageModel(config)), contextFor(config));
    expect(problem.fix).toMatch(/billing/i);
  });

  it("sees through the SDK's retries to the failure that mattered", async () => {
    // With retries on, the SDK retries the 429 once and then throws a RetryError wrapping it.
    const config = configFor("openai", { apiKey: "sk-test-quota" });
    const error = await streamFailure(createLanguageModel(config), { maxRetries: 1 });
    expect(error).toMatchObject({ name: "AI_RetryError" });
    expect(describeProviderError(error, contextFor(config)).kind).toBe("quota");
  });
});

describe("calls that never get an answer", () => {
  it("names the endpoint when nothing listens there", async () => {
    const config = configFor("openai-compatible", { baseUrl: `${deadUrl}/v1` });
    const problem = describeProviderError(await streamFailure(createLanguageModel(config)), contextFor(config));
    expect(problem.kind).toBe("network");
    expect(problem.message).toContain(`${deadUrl}/v1`);
    expect(problem.fix).toMatch(/running/);
  });

  it("reads Anthropic's refusal of a page that did not opt in as CORS", async () => {
    // What a page calling Anthropic without the opt-in header gets (the browser adds the Origin).
    const model = createAnthropic({ apiKey: VALID_KEY, baseURL: `${fake.url}/v1`, headers: { origin: "http://localhost:3000" } })("claude-haiku-4-5");
    const problem = describeProviderError(await streamFailure(model), contextFor(configFor("anthropic")));
    expect(problem.kind).toBe("cors");
    expect(problem.message).toContain("Anthropic");
  });

  it("tells a browser's CORS refusal from a dead server with a no-cors probe", async () => {
    const refusing = await startFakeLlm({ cors: "refuse" });
    try {
      expect(await diagnoseUnreachable(`${refusing.url}/v1`)).toBe("cors");
      expect(await diagnoseUnreachable(`${deadUrl}/v1`)).toBe("network");
    } finally {
      await refusing.close();
    }
  });

  // A browser reports both as `TypeError: Failed to fetch`; the probe's finding comes in the context.
  const browserFailure = new TypeError("Failed to fetch");

  it("gives the Ollama command that allows this site when a local server refuses CORS", () => {
    const problem = describeProviderError(browserFailure, { ...contextFor(configFor("openai-compatible", { baseUrl: "http://localhost:11434/v1" })), unreachable: "cors" });
    expect(problem.kind).toBe("cors");
    expect(problem.fix).toContain("OLLAMA_ORIGINS=http://localhost:3000 ollama serve");
  });

  it("blames the provider or the organisation when a hosted provider refuses CORS", () => {
    const problem = describeProviderError(browserFailure, { ...contextFor(configFor("openai", { baseUrl: "https://api.openai.com/v1" })), unreachable: "cors" });
    expect(problem.kind).toBe("cors");
    expect(problem.message).toMatch(/OpenAI refused .* organisation/);
  });

  it("reads a failed fetch as a network failure until the probe says otherwise", () => {
    const problem = describeProviderError(browserFailure, contextFor(configFor("groq", { baseUrl: "https://api.groq.com/openai/v1" })));
    expect(problem.kind).toBe("network");
    expect(problem.message).toContain("Groq");
  });
});

describe("answers that are not what was asked", () => {
  const schema = z.object({ summary: z.string(), decisions: z.array(z.string()) });

  it.each([
    ["text that is not JSON", "Sure! Here is the summary: it went well."],
    ["JSON of another shape", '{"summary": 42}'],
  ])("%s offers a retry", async (_, text) => {
    fake.respond(() => ({ text }));
    const config = configFor("gemini");
    const result = streamText({ model: createLanguageModel(config), prompt: "Summarise.", output: Output.object({ schema }), maxRetries: 0 });
    const error = await result.output.then(
      () => Promise.reject(new Error("the output parsed")),
      (failure: unknown) => failure,
    );

    const problem = describeProviderError(error, contextFor(config));
    expect(problem.kind).toBe("invalid-output");
    expect(problem.message).toContain("Google Gemini");
    expect(problem.fix).toMatch(/retry/i);
  });
});

describe("other endings", () => {
  it("reads a stopped run as aborted", async () => {
    fake.respond(() => ({ text: "A long answer that the user stops halfway.", holdAfter: 10 }));
    const stop = new AbortController();
    const config = configFor("anthropic");
    const result = streamText({ model: createLanguageModel(config), prompt: "Go.", maxRetries: 0, abortSignal: stop.signal });
    for await (const part of result.fullStream) if (part.type === "text-delta") stop.abort();
    const error = await result.text.then(
      () => Promise.reject(new Error("the run finished")),
      (failure: unknown) => failure,
    );

    expect(describeProviderError(error, contextFor(config)).kind).toBe("aborted");
  });

  it("reports a server error as unknown, with the status", async () => {
    fake.respond(() => {
      throw new Error("upstream exploded");
    });
    const config = configFor("openai");
    const problem = describeProviderError(await streamFailure(createLanguageModel(config)), contextFor(config));
    expect(problem.kind).toBe("unknown");
    expect(problem.message).toContain("OpenAI answered with an error (HTTP 500)");
  });
});
