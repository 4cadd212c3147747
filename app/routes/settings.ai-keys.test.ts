import { describe, expect, it } from "vitest";
import { DEFAULT_PROVIDER_ORIGINS } from "../ai/providers";
import { setUpTestApp } from "../server/test-context";
import { visibleText, type Browser } from "../server/testing";

const PAGE = "/settings/ai-keys";
// Seeded workspace members: four people, each with their own session and endpoint list.
const env = setUpTestApp({ team: "Keys and Endpoints" });

const allow = (browser: Browser, baseUrl: string) => browser.postForm(PAGE, { intent: "allow-endpoint", baseUrl });
/** What a Remix fetcher sends with single fetch: the route's `.data` address. */
const allowAsFetcher = (browser: Browser, baseUrl: string) => browser.postForm(`${PAGE}.data`, { intent: "allow-endpoint", baseUrl });

async function storedEndpoints(email: string): Promise<string[]> {
  const row = await env.db.selectFrom("users").select("ai_endpoints").where("email", "=", email).executeTakeFirstOrThrow();
  return row.ai_endpoints;
}

async function connectSources(browser: Browser): Promise<string[]> {
  const response = await browser.request(PAGE);
  expect(response.status).toBe(200);
  const csp = response.headers.get("content-security-policy") ?? "";
  return csp.match(/connect-src ([^;]+)/)?.[1]?.trim().split(/\s+/) ?? [];
}

describe("Settings → AI keys: allowed endpoints", () => {
  it("keeps only the origin of an allowed base URL, and the next page's CSP lets the browser connect to it and nothing else new", async () => {
    const { browser, email } = env.team.owner;
    const before = await connectSources(browser);
    expect(before).toEqual(["'self'", ...DEFAULT_PROVIDER_ORIGINS]);

    const response = await allow(browser, "https://llm.example.com:8443/openai/v1?api-version=2024-06-01#models");
    expect(response.status).toBe(200);
    expect(await storedEndpoints(email)).toEqual(["https://llm.example.com:8443"]);
    // Another person's list, and so their CSP, is untouched.
    expect(await storedEndpoints(env.team.admin.email)).toEqual([]);

    const after = await connectSources(browser);
    expect(after.filter((source) => !before.includes(source))).toEqual(["https://llm.example.com:8443"]);
    const page = visibleText(await (await browser.request(PAGE)).text());
    expect(page).toContain("https://llm.example.com:8443");
    expect(page).not.toContain("/openai/v1");
  });

  it("answers a fetcher with data, and accepts plain http for this machine only", async () => {
    const { browser, email } = env.team.admin;
    const response = await allowAsFetcher(browser, "http://localhost:11434/v1");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-remix-redirect")).toBeNull();
    expect(await response.text()).toContain("http://localhost:11434");
    expect(await storedEndpoints(email)).toEqual(["http://localhost:11434"]);
    expect(await connectSources(browser)).toContain("http://localhost:11434");
  });

  it("refuses a base URL that is not one, with the message on the baseUrl field, and stores nothing", async () => {
    const { browser, email } = env.team.editor;
    const document = await allow(browser, "my Ollama on this laptop");
    expect(document.status).toBe(400);
    expect(visibleText(await document.text())).toContain("Enter a full URL, such as http://localhost:11434/v1.");

    const fetched = await allowAsFetcher(browser, "not a url");
    expect(fetched.status).toBe(400);
    const body = await fetched.text();
    expect(body).toContain("baseUrl");
    expect(body).toContain("Enter a full URL, such as http://localhost:11434/v1.");

    for (const baseUrl of ["ftp://files.example.com/v1", "https://user:secret@llm.example.com/v1"]) {
      expect((await allow(browser, baseUrl)).status, baseUrl).toBe(400);
    }
    expect(await storedEndpoints(email)).toEqual([]);
  });

  it("refuses plain http to another machine, where a key would cross the network in clear", async () => {
    const { browser, email } = env.team.editor;
    const response = await allow(browser, "http://gpu-box.internal:8000/v1");
    expect(response.status).toBe(400);
    expect(visibleText(await response.text())).toContain("Use https:// for a server on another machine; plain http is only for localhost.");
    expect(await storedEndpoints(email)).toEqual([]);
    expect(await connectSources(env.team.editor.browser)).not.toContain("http://gpu-box.internal:8000");
  });

  it("does not store the providers' own endpoints, which are always allowed", async () => {
    const { browser, email } = env.team.editor;
    expect((await allow(browser, "https://api.openai.com/v1")).status).toBe(200);
    expect(await storedEndpoints(email)).toEqual([]);
  });

  it("allows at most 10 endpoints", async () => {
    const { browser, email } = env.team.viewer;
    for (let n = 1; n <= 10; n++) expect((await allow(browser, `https://llm-${n}.example.com/v1`)).status).toBe(200);
    const eleventh = await allow(browser, "https://llm-11.example.com/v1");
    expect(eleventh.status).toBe(400);
    expect(visibleText(await eleventh.text())).toContain("You can allow up to 10 endpoints; remove one first.");
    expect(await storedEndpoints(email)).toHaveLength(10);
    expect(await storedEndpoints(email)).not.toContain("https://llm-11.example.com");
    // Saving a base URL again under an origin already allowed is not a new endpoint.
    expect((await allow(browser, "https://llm-3.example.com/other/path")).status).toBe(200);
    expect(await storedEndpoints(email)).toHaveLength(10);
  });

  it("removes one endpoint, then forgets them all, and the CSP follows", async () => {
    const { browser, email } = env.team.viewer;
    const removed = await browser.postForm(PAGE, { intent: "remove-endpoint", origin: "https://llm-1.example.com" });
    expect(removed.status).toBe(200);
    expect(visibleText(await removed.text())).toContain("Endpoint removed");
    expect(await storedEndpoints(email)).not.toContain("https://llm-1.example.com");
    expect(await connectSources(browser)).not.toContain("https://llm-1.example.com");
    expect(await connectSources(browser)).toContain("https://llm-2.example.com");

    expect((await browser.postForm(`${PAGE}.data`, { intent: "forget-endpoints" })).status).toBe(200);
    expect(await storedEndpoints(email)).toEqual([]);
    expect(await connectSources(browser)).toEqual(["'self'", ...DEFAULT_PROVIDER_ORIGINS]);
  });

  it("refuses an unknown intent", async () => {
    expect((await env.team.owner.browser.postForm(PAGE, { intent: "save-key", apiKey: "sk-should-never-arrive" })).status).toBe(400);
  });
});

describe("Settings → AI keys: the page", () => {
  it("sends a signed-out visitor to the login page, for the page and its actions", async () => {
    const stranger = env.app.newBrowser();
    for (const response of [await stranger.request(PAGE), await allow(stranger, "https://llm.example.com/v1")]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(PAGE)}`);
    }
  });

  it("renders no form field that could carry a key: keys are handled in the browser only", async () => {
    const html = await (await env.team.owner.browser.request(PAGE)).text();
    const names = [...html.matchAll(/<(?:input|textarea|select|button)\b[^>]*\bname="([^"]*)"/g)].map((match) => match[1]);
    expect(names.every((name) => ["intent", "origin"].includes(name!)), names.join(", ")).toBe(true);
    expect(html).not.toMatch(/name="[^"]*(key|secret|token|passphrase|password)[^"]*"/i);
    expect(html).not.toMatch(/type="password"/);

    const text = visibleText(html);
    expect(text).toContain("AI keys need JavaScript: they stay in this browser");
    expect(text).toContain("Bearing's server never sees them");
    expect(html).toContain('href="/privacy"');
  });

  it("is a page of its own, no longer the placeholder", async () => {
    const text = visibleText(await (await env.team.owner.browser.request(PAGE)).text());
    expect(text).toContain("Endpoints your browser may call");
    expect(text).not.toContain("This part of Bearing is being built.");
  });
});
