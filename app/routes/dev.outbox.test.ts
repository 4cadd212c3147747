import { request as httpRequest } from "node:http";
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../db/testing/database";
import { isLoopbackAddress } from "../services/loopback.server";
import { signUp, startTestApp, type TestApp } from "../server/testing";

// Without SMTP_URL, emails (sign-up confirmations, password resets) wait at /dev/outbox. Their links are
// as good as passwords, so the page is for a browser on this machine only.

let database: TestDatabase;
let app: TestApp;
let port: number;

/** An address of this machine that is not loopback (eth0's), to connect from as another computer would. */
function networkAddress(): string | undefined {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return addresses.find((a) => !a.internal && a.family === "IPv4")?.address ?? addresses.find((a) => !a.internal && a.family === "IPv6" && !a.address.startsWith("fe80"))?.address;
}

function get(address: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const host = address.includes(":") ? `[${address}]` : address;
    const request = httpRequest({ host: address, port, path, headers: { host: `${host}:${port}`, ...headers } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Listening on every interface, as `HOST=0.0.0.0 npm start` does; behind a proxy that is trusted for one
  // hop, so that a forged X-Forwarded-For would name the client if anything read it.
  app = await startTestApp({ db: database.db, mode: "development", host: "0.0.0.0", env: { SMTP_URL: "", TRUST_PROXY: "1" } });
  port = Number(new URL(app.url).port);
  expect((await signUp(app, { name: "Outbox Owner", email: "outbox-owner@example.com", password: "a long and quiet harbour 2207" })).status).toBe(302);
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe("the development outbox", () => {
  it("shows the emails to a browser on this machine", async () => {
    // The confirmation is sent after the sign-up's answer: wait until it is in the outbox.
    await expect.poll(async () => (await get("127.0.0.1", "/dev/outbox")).text, { timeout: 10_000 }).toContain("Confirm your email");
    for (const path of ["/dev/outbox", "/dev/outbox/"]) {
      const page = await get("127.0.0.1", path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain("Confirm your email");
    }
    expect((await get("127.0.0.1", "/dev/outbox", { host: `localhost:${port}` })).status).toBe(200);
  });

  it("answers 404 to a client on another address, whatever it sends as Host or X-Forwarded-For", async () => {
    const address = networkAddress();
    if (!address) {
      // A machine with no network interface but loopback: no other client can reach it; check the decision alone.
      expect(isLoopbackAddress("192.0.2.2")).toBe(false);
      return;
    }
    for (const path of ["/dev/outbox", "/DEV/OUTBOX", "/dev/outbox.data"]) {
      const variants: Record<string, string>[] = [{}, { host: `127.0.0.1:${port}` }, { host: `localhost:${port}`, "x-forwarded-for": "127.0.0.1" }];
      for (const headers of variants) {
        const page = await get(address, path, headers);
        expect(page.status, `${path} ${JSON.stringify(headers)}`).toBe(404);
        expect(page.text).not.toContain("Confirm your email");
      }
    }
  });

  it("answers 404 on this machine too when the page was reached under another site's name (DNS rebinding)", async () => {
    const page = await get("127.0.0.1", "/dev/outbox", { host: `attacker.example:${port}` });
    expect(page.status).toBe(404);
    expect(page.text).not.toContain("Confirm your email");
    // A Host no browser sends, from which a URL parser would read 127.0.0.1, is refused before any page.
    const smuggled = await get("127.0.0.1", "/dev/outbox", { host: `attacker.example@127.0.0.1:${port}` });
    expect(smuggled.status).toBe(400);
    expect(smuggled.text).not.toContain("Confirm your email");
  });

  it("tells loopback addresses from the others, as sockets report them", () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["192.0.2.2", "10.0.0.1", "::ffff:192.0.2.2", "fd00::2", "::", "0.0.0.0", "", undefined]) expect(isLoopbackAddress(address), String(address)).toBe(false);
  });
});
