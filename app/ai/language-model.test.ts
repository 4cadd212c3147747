import { generateText, Output, streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeLlm, type FakeLlm, type FakeLlmProvider } from "../../e2e/fakes/llm/server";
import { createLanguageModel, type ProviderConfig } from "./language-model.client";
import type { ProviderId } from "./providers";

// The real AI SDK against the fake providers, in Node: the same requests a browser makes, minus CORS
// enforcement (the preflight answers are checked directly below).

// The SDK warns when a provider lacks a feature (Groq's JSON mode takes no schema); these tests assert behaviour.
globalThis.AI_SDK_LOG_WARNINGS = false;

const ANSWER = "Ship the onboarding checklist first; it unblocks the two largest accounts.";
const KEY = "sk-test-valid-0001";

interface ProviderCase {
  provider: ProviderId;
  model: string;
  wire: FakeLlmProvider;
}

const CASES: ProviderCase[] = [
  { provider: "openai", model: "gpt-4.1-mini", wire: "openai-responses" },
  { provider: "anthropic", model: "claude-haiku-4-5", wire: "anthropic" },
  // Older Claude models get structured output through a forced `json` tool instead of output_config.
  { provider: "anthropic", model: "claude-3-haiku-20240307", wire: "anthropic" },
  { provider: "gemini", model: "gemini-2.5-flash", wire: "gemini" },
  { provider: "groq", model: "llama-3.3-70b-versatile", wire: "openai-chat" },
  { provider: "openai-compatible", model: "llama3.2", wire: "openai-chat" },
];

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

function configFor({ provider, model }: ProviderCase): ProviderConfig {
  return { provider, model, apiKey: KEY, baseUrl: `${fake.url}/${provider === "gemini" ? "v1beta" : "v1"}` };
}

function chunksOf(text: string, size: number): string[] {
  return Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
}

describe.each(CASES)("$provider $model", (providerCase) => {
  it("streams the answer's deltas in order and reports the provider's usage", async () => {
    fake.respond(() => ({ text: ANSWER, chunkSize: 9, usage: { inputTokens: 321, outputTokens: 45 } }));
    const result = streamText({ model: createLanguageModel(configFor(providerCase)), prompt: "What first?", maxRetries: 0 });

    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);

    expect(deltas).toEqual(chunksOf(ANSWER, 9));
    expect(await result.usage).toMatchObject({ inputTokens: 321, outputTokens: 45, totalTokens: 366 });
    expect(await result.finishReason).toBe("stop");
  });

  it("answers a single non-streamed call", async () => {
    fake.respond(() => ({ text: ANSWER, usage: { inputTokens: 12, outputTokens: 34 } }));
    const result = await generateText({ model: createLanguageModel(configFor(providerCase)), prompt: "What first?", maxRetries: 0 });

    expect(result.text).toBe(ANSWER);
    expect(result.usage).toMatchObject({ inputTokens: 12, outputTokens: 34 });
    expect(fake.requests[0]).toMatchObject({ provider: providerCase.wire, stream: false });
  });

  it("returns structured output parsed against the schema", async () => {
    const schema = z.object({ risks: z.array(z.object({ title: z.string(), likelihood: z.enum(["low", "medium", "high"]) })) });
    const expected = { risks: [{ title: "Vendor lock-in", likelihood: "medium" }, { title: "Key engineer leaves", likelihood: "low" }] };
    fake.respond(() => ({ text: JSON.stringify(expected), chunkSize: 7 }));

    const result = streamText({ model: createLanguageModel(configFor(providerCase)), prompt: "List the risks.", output: Output.object({ schema }), maxRetries: 0 });

    expect(await result.output).toEqual(expected);
    expect(fake.requests[0]?.structured).toBe(true);
  });

  it("stops mid-stream when aborted, keeping the text received so far", async () => {
    fake.respond(() => ({ text: ANSWER, chunkSize: 5, holdAfter: 20 }));
    const stop = new AbortController();
    const result = streamText({ model: createLanguageModel(configFor(providerCase)), prompt: "What first?", maxRetries: 0, abortSignal: stop.signal });

    let partial = "";
    const partTypes: string[] = [];
    for await (const part of result.fullStream) {
      partTypes.push(part.type);
      if (part.type === "text-delta") partial += part.text;
      // The fake holds the connection after 20 characters, as a slow model would: the user presses Stop.
      if (partial.length === 20 && !stop.signal.aborted) stop.abort();
    }

    expect(partial).toBe(ANSWER.slice(0, 20));
    expect(partTypes.at(-1)).toBe("abort");
    await expect(result.text).rejects.toMatchObject({ name: "AbortError" });
  });

  it("sends the system prompt, the conversation, the model and the key", async () => {
    fake.respond(() => ({ text: "Noted." }));
    await generateText({
      model: createLanguageModel(configFor(providerCase)),
      system: "You are Bearing's risk analyst.",
      messages: [
        { role: "user", content: "Here is the roadmap." },
        { role: "assistant", content: "Understood." },
        { role: "user", content: "Which risks do you see?" },
      ],
      maxRetries: 0,
    });

    const [request] = fake.requests;
    expect(request).toMatchObject({ provider: providerCase.wire, model: providerCase.model, apiKey: KEY, system: "You are Bearing's risk analyst." });
    expect(request?.prompt).toContain("Here is the roadmap.");
    expect(request?.prompt).toContain("Understood.");
    expect(request?.prompt).toContain("Which risks do you see?");
  });
});

describe("Anthropic from a browser", () => {
  it("opts in with the direct-browser-access header and names the API version", async () => {
    fake.respond(() => ({ text: "Hi." }));
    await generateText({ model: createLanguageModel(configFor(CASES[1]!)), prompt: "Hello", maxRetries: 0 });

    expect(fake.requests[0]?.headers).toMatchObject({ "anthropic-dangerous-direct-browser-access": "true", "anthropic-version": "2023-06-01", "x-api-key": KEY });
  });

  it("answers older models' forced json tool with a tool_use block the SDK turns into the object", async () => {
    fake.respond(() => ({ text: '{"summary":"Two decisions were taken."}' }));
    const result = streamText({
      model: createLanguageModel(configFor(CASES[2]!)),
      prompt: "Summarise.",
      output: Output.object({ schema: z.object({ summary: z.string() }) }),
      maxRetries: 0,
      includeRawChunks: true,
    });
    const rawChunks: unknown[] = [];
    for await (const part of result.fullStream) if (part.type === "raw") rawChunks.push(part.rawValue);

    expect(await result.output).toEqual({ summary: "Two decisions were taken." });
    expect(fake.requests[0]?.body).toMatchObject({ tools: [{ name: "json" }], tool_choice: { type: "any" } });
    expect(rawChunks).toContainEqual(expect.objectContaining({ type: "content_block_start", content_block: expect.objectContaining({ type: "tool_use", name: "json" }) }));
    expect(rawChunks).toContainEqual(expect.objectContaining({ delta: expect.objectContaining({ type: "input_json_delta" }) }));
  });
});

describe("CORS, as a browser on another origin meets it", () => {
  const origin = "http://localhost:3000";
  // Headers Node's fetch adds by itself (a browser sets or safelists these too): the rest come from the SDKs.
  const FETCH_OWN_HEADERS = new Set(["host", "connection", "accept", "accept-language", "accept-encoding", "sec-fetch-mode", "content-length"]);

  it.each(CASES)("the preflight allows every header the $provider SDK sends", async (providerCase) => {
    fake.respond(() => ({ text: "Hi." }));
    await generateText({ model: createLanguageModel(configFor(providerCase)), prompt: "Hello", maxRetries: 0 });
    const [request] = fake.requests;
    const sdkHeaders = Object.keys(request?.headers ?? {}).filter((name) => !FETCH_OWN_HEADERS.has(name));

    const preflight = await fetch(`${fake.url}${request?.path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": sdkHeaders.join(",") },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = (preflight.headers.get("access-control-allow-headers") ?? "").split(/,\s*/);
    expect(sdkHeaders).toContain("content-type");
    for (const name of sdkHeaders) expect(allowed).toContain(name);
  });

  it("puts access-control-allow-origin on errors and on streams", async () => {
    const strict = await startFakeLlm({ keys: { [KEY]: "valid" } });
    try {
      const call = (apiKey: string) =>
        fetch(`${strict.url}/v1/chat/completions`, {
          method: "POST",
          headers: { origin, authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "llama3.2", stream: true, messages: [{ role: "user", content: "Hi" }] }),
        });
      const refused = await call("sk-wrong");
      const streamed = await call(KEY);

      expect(refused.status).toBe(401);
      expect(refused.headers.get("access-control-allow-origin")).toBe(origin);
      expect(streamed.headers.get("content-type")).toContain("text/event-stream");
      expect(streamed.headers.get("access-control-allow-origin")).toBe(origin);
      expect(await streamed.text()).toMatch(/data: \[DONE\]\n\n$/);
    } finally {
      await strict.close();
    }
  });

  it("sends no CORS headers at all when told to refuse, as Ollama without OLLAMA_ORIGINS", async () => {
    const refusing = await startFakeLlm({ cors: "refuse" });
    try {
      const preflight = await fetch(`${refusing.url}/v1/chat/completions`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      const post = await fetch(`${refusing.url}/v1/chat/completions`, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ model: "llama3.2", messages: [{ role: "user", content: "Hi" }] }),
      });

      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
      expect(post.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await refusing.close();
    }
  });

  it("refuses an Anthropic call from a page that did not opt in, with Anthropic's 401 and no CORS headers", async () => {
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { origin, "x-api-key": KEY, "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 16, messages: [{ role: "user", content: "Hi" }] }),
    });

    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(await response.json()).toMatchObject({
      type: "error",
      error: { type: "authentication_error", message: "CORS requests must set 'anthropic-dangerous-direct-browser-access' header" },
    });
  });
});

describe("the fake's other entry points", () => {
  it("takes a Gemini key in the query string, as the REST docs show", async () => {
    fake.respond(() => ({ text: "Hi." }));
    const response = await fetch(`${fake.url}/v1beta/models/gemini-2.5-flash:generateContent?key=${KEY}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "Hello" }] }] }),
    });

    expect(await response.json()).toMatchObject({ candidates: [{ content: { parts: [{ text: "Hi." }], role: "model" }, finishReason: "STOP" }] });
    expect(fake.requests[0]).toMatchObject({ provider: "gemini", apiKey: KEY, model: "gemini-2.5-flash", prompt: "Hello" });
  });

  it("lists models at GET /v1/models", async () => {
    const listing = await startFakeLlm({ models: ["llama3.2", "qwen3"] });
    try {
      const response = await fetch(`${listing.url}/v1/models`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(await response.json()).toMatchObject({ object: "list", data: [{ id: "llama3.2", object: "model" }, { id: "qwen3", object: "model" }] });
    } finally {
      await listing.close();
    }
  });
});
