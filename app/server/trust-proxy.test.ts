import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/testing/database";
import { startTestApp, visibleText, type TestApp } from "./testing";

// Bearing behind one reverse proxy, as deployed with TRUST_PROXY=1: the proxy appends the address of
// whoever connected to it to X-Forwarded-For, as nginx's $proxy_add_x_forwarded_for and load balancers do,
// and passes the rest of the request on. Each client connects from an address of its own on the loopback
// network (127.0.0.0/8), so the proxy sees different clients.

interface Proxy {
  url: string;
  close(): Promise<void>;
}

async function startProxy(target: () => string): Promise<Proxy> {
  const server: Server = createServer((incoming, outgoing) => {
    const forwardedFor = [incoming.headers["x-forwarded-for"], incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = httpRequest(new URL(incoming.url ?? "/", target()), { method: incoming.method, headers: { ...incoming.headers, "x-forwarded-for": forwardedFor } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let database: TestDatabase;
let proxy: Proxy;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  proxy = await startProxy(() => app.url);
  // People open Bearing at the proxy's address; the app itself is reached only through it.
  app = await startTestApp({ db: database.db, env: { TRUST_PROXY: "1", APP_URL: proxy.url } });
});
afterAll(async () => {
  await app?.close();
  await proxy?.close();
  await database?.drop();
});

/** A plain form post through the proxy from the client at `from`, with whatever X-Forwarded-For it chooses to send. */
function postThroughProxy(path: string, fields: Record<string, string>, { from, forwardedFor }: { from: string; forwardedFor?: string }) {
  const body = new URLSearchParams(fields).toString();
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = httpRequest(new URL(path, proxy.url), {
      method: "POST",
      localAddress: from,
      headers: {
        origin: proxy.url,
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(Buffer.byteLength(body)),
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: visibleText(text) }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

let forged = 0;
/** A new, plausible client address each time, as an attacker rotating X-Forwarded-For would send. */
const forgedAddress = () => `203.0.113.${(forged++ % 250) + 1}`;

describe("behind one proxy with TRUST_PROXY=1", () => {
  it("a client sending a new X-Forwarded-For each time still meets the per-address login limit", async () => {
    const from = "127.0.0.11";
    for (let attempt = 1; attempt <= 30; attempt++) {
      const answer = await postThroughProxy("/login", { email: `guess-${attempt}@example.com`, password: "not a real password" }, { from, forwardedFor: forgedAddress() });
      expect(answer.status, `attempt ${attempt}`).toBe(400);
    }
    const refused = await postThroughProxy("/login", { email: "guess-31@example.com", password: "not a real password" }, { from, forwardedFor: forgedAddress() });
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many attempts\. Try again in \d+ seconds\./);
  }, 120_000);

  it("a client sending a new X-Forwarded-For each time still meets the per-address sign-up limit", async () => {
    const from = "127.0.0.12";
    // A weak password is refused after the attempt is counted, so no account is made.
    const signUp = (n: number) =>
      postThroughProxy("/signup", { name: "Sly Rotator", email: `rotator-${n}@example.com`, password: "password123", ageConfirmed: "on", acceptPolicies: "on" }, { from, forwardedFor: forgedAddress() });
    for (let attempt = 1; attempt <= 20; attempt++) expect((await signUp(attempt)).status, `attempt ${attempt}`).toBe(400);
    const refused = await signUp(21);
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many sign-ups from your network\. Try again in \d+ seconds\./);
  }, 60_000);

  it("a client sending a new X-Forwarded-For each time still meets the per-address reset limit", async () => {
    const from = "127.0.0.13";
    for (let attempt = 1; attempt <= 10; attempt++) {
      const answer = await postThroughProxy("/forgot-password", { email: `forgetful-${attempt}@example.com` }, { from, forwardedFor: forgedAddress() });
      expect(answer.status, `attempt ${attempt}`).toBe(200);
    }
    const refused = await postThroughProxy("/forgot-password", { email: "forgetful-11@example.com" }, { from, forwardedFor: forgedAddress() });
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many reset requests\. Try again in \d+ seconds\./);
  });

  it("counts each real client behind the proxy on its own: one client's limit does not lock out another", async () => {
    const [first, second] = ["127.0.0.21", "127.0.0.22"];
    for (let attempt = 1; attempt <= 10; attempt++) {
      expect((await postThroughProxy("/forgot-password", { email: `first-${attempt}@example.com` }, { from: first })).status).toBe(200);
    }
    expect((await postThroughProxy("/forgot-password", { email: "first-11@example.com" }, { from: first })).status).toBe(429);
    expect((await postThroughProxy("/forgot-password", { email: "second-1@example.com" }, { from: second })).status).toBe(200);
  });
});
