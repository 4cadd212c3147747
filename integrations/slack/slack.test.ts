import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntegrationError } from "../types";
import { startFakeSlack, type FakeSlack } from "./fake-server";
import { riskAlertMessage } from "./messages";
import { slackProvider } from "./oauth";
import { slackWebClient } from "./web-client";

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ pageSize: 1, channels: [{ id: "C1", name: "one", botIsMember: true }, { id: "C2", name: "two", botIsMember: true }] });
});
afterAll(() => fake?.close());

const redirectUri = "http://127.0.0.1:1/w/team/integrations/slack/callback";

async function authorisedCode(provider: ReturnType<typeof slackProvider>) {
  const consent = await fetch(provider.authorizationUrl({ state: "s".repeat(43), redirectUri, codeVerifier: "v".repeat(43) }), { redirect: "manual" });
  return new URL(consent.headers.get("location")!).searchParams.get("code")!;
}

describe("the Slack provider against the fake Slack", () => {
  const provider = () => slackProvider({ clientId: fake.clientId, clientSecret: fake.clientSecret, baseUrl: fake.url });

  it("asks for comma-separated bot scopes and exchanges the code for a bot token with the granted scopes", async () => {
    const url = provider().authorizationUrl({ state: "s".repeat(43), redirectUri, codeVerifier: "v".repeat(43) });
    expect(url.pathname).toBe("/oauth/v2/authorize");
    expect(url.searchParams.get("scope")).toBe("channels:read,chat:write,channels:history");
    const { tokens, account } = await provider().exchangeCode({ code: await authorisedCode(provider()), redirectUri, codeVerifier: "v".repeat(43) });
    expect(tokens.scopesGranted).toEqual(["channels:read", "chat:write", "channels:history"]);
    expect(tokens.refreshToken).toBeNull();
    expect(account).toEqual({ id: "T0FAKE", name: "Fake Slack Team" });
    expect(await provider().accountInfo(tokens.accessToken)).toEqual(account);
  });

  it("turns ok:false answers (sent with HTTP 200) into a typed error", async () => {
    const wrongSecret = slackProvider({ clientId: fake.clientId, clientSecret: "wrong", baseUrl: fake.url });
    const failure = wrongSecret.exchangeCode({ code: await authorisedCode(wrongSecret), redirectUri, codeVerifier: "v".repeat(43) });
    await expect(failure).rejects.toMatchObject({ kind: "provider", code: "bad_client_secret" });
  });

  it("revokes a token, after which Slack answers invalid_auth", async () => {
    const { tokens } = await provider().exchangeCode({ code: await authorisedCode(provider()), redirectUri, codeVerifier: "v".repeat(43) });
    await provider().revoke(tokens.accessToken);
    const after = await provider().accountInfo(tokens.accessToken).catch((error: unknown) => error);
    expect(after).toBeInstanceOf(IntegrationError);
    expect(after).toMatchObject({ kind: "unauthorized", code: "invalid_auth" });
  });

  it("follows cursors and rejects a rate-limited call with its Retry-After instead of waiting", async () => {
    const { tokens } = await provider().exchangeCode({ code: await authorisedCode(provider()), redirectUri, codeVerifier: "v".repeat(43) });
    const client = slackWebClient(tokens.accessToken, fake.url);
    expect((await client.listChannels()).map((c) => c.name)).toEqual(["one", "two"]);
    fake.rateLimitNext("conversations.list", 7);
    await expect(client.listChannels()).rejects.toMatchObject({ kind: "rate-limited", retryAfterSeconds: 7 });
  });
});

describe("Block Kit messages", () => {
  it("escapes Slack's control characters in user text, so a title cannot mention @channel or forge a link", () => {
    const message = riskAlertMessage({ title: "Vendor <!channel> & co", severity: 6, likelihood: 2, impact: 3, status: "open", owner: null, mitigation: "<https://evil.example|click>", url: "https://bearing.example/w/t/risks/1" });
    const json = JSON.stringify(message.blocks);
    expect(json).toContain("&lt;https://evil.example|click&gt;");
    expect(json).not.toContain("<https://evil.example");
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Risk alert: Vendor <!channel> & co", emoji: true } });
  });
});
