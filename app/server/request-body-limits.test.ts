import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "./test-context";
import { fieldErrors, visibleText, type Browser } from "./testing";

const env = setUpTestApp({ team: "Northwind Payments" });

const MB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const ATTACK_BYTES = 200 * MB;
// What the client can hand to its socket after the server stops reading: the client's send buffer and the
// server's receive buffer on loopback (tcp_wmem / tcp_rmem). Not 200 MB.
const SOCKET_BUFFERS = 8 * MB;

interface ChunkedOutcome {
  status: number | null;
  body: string;
  /** Bytes of body the client's socket accepted before the server closed the connection. */
  sent: number;
}

/**
 * Posts a body of ATTACK_BYTES as an attacker would, over a plain socket: `Transfer-Encoding: chunked`, no
 * Content-Length, 64 KB at a time, each chunk written only once the socket took the one before. It keeps
 * sending after an answer arrives, until the server closes the connection. (Node's own HTTP client would
 * close it itself on an early answer, hiding whether the server went on reading.)
 */
function sendChunked(url: string, path: string, { headers, head = "", chunk }: { headers: Record<string, string>; head?: string; chunk: Buffer }): Promise<ChunkedOutcome> {
  const { hostname, port, host } = new URL(url);
  return new Promise((resolve) => {
    const outcome: ChunkedOutcome = { status: null, body: "", sent: 0 };
    const received: Buffer[] = [];
    let closed = false;
    const socket = connect(Number(port), hostname);
    socket.on("data", (data) => received.push(data));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      resolve({ ...outcome, ...parseResponse(Buffer.concat(received)) });
    });
    const lines = [`POST ${path} HTTP/1.1`, `Host: ${host}`, "Transfer-Encoding: chunked", ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    const frame = (data: Buffer) => Buffer.concat([Buffer.from(`${data.byteLength.toString(16)}\r\n`), data, Buffer.from("\r\n")]);
    const pump = () => {
      while (!closed) {
        if (outcome.sent >= ATTACK_BYTES) return void socket.end("0\r\n\r\n");
        const piece = outcome.sent === 0 && head ? Buffer.concat([Buffer.from(head), chunk]) : chunk;
        outcome.sent += piece.byteLength;
        if (!socket.write(frame(piece))) return void socket.once("drain", pump);
      }
    };
    pump();
  });
}

/** The status and body of the first HTTP/1.1 response in `raw`, with a chunked body decoded. */
function parseResponse(raw: Buffer): { status: number | null; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return { status: null, body: "" };
  const head = raw.subarray(0, end).toString("latin1");
  const status = Number(head.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? NaN);
  let rest = raw.subarray(end + 4);
  if (!/^transfer-encoding: *chunked/im.test(head)) {
    const length = Number(head.match(/^content-length: *(\d+)/im)?.[1] ?? rest.byteLength);
    return { status, body: rest.subarray(0, length).toString("utf8") };
  }
  const parts: Buffer[] = [];
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    const size = lineEnd < 0 ? 0 : Number.parseInt(rest.subarray(0, lineEnd).toString("latin1"), 16);
    if (!size) break;
    parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
    rest = rest.subarray(lineEnd + 2 + size + 2);
  }
  return { status, body: Buffer.concat(parts).toString("utf8") };
}

const origin = () => new URL(env.app.url).origin;
const cookieOf = (browser: Browser) => [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");

const BOUNDARY = "----bearing-attack-boundary";
const multipartHeaders = (browser?: Browser) => ({
  origin: origin(),
  "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
  ...(browser ? { cookie: cookieOf(browser) } : {}),
});
/** One file part whose content never ends: the first chunk opens it, every chunk after it is more of the file. */
const endlessFile = (name: string, filename: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
/** 64 KB of complete, tiny text parts: about a thousand per chunk. */
const tinyParts = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n`.repeat(Math.floor(CHUNK_BYTES / 52)));

describe("request bodies are limited by the bytes actually streamed", () => {
  it("answers a signed-out chunked POST /login without Content-Length with 413 and stops reading after about 4 MB", async () => {
    const outcome = await sendChunked(env.app.url, "/login", {
      headers: { origin: origin(), "content-type": "application/x-www-form-urlencoded" },
      head: "password=x&email=",
      chunk: Buffer.alloc(CHUNK_BYTES, "a"),
    });
    expect(outcome.status).toBe(413);
    expect(visibleText(outcome.body)).toContain("the limit is 4 MB");
    expect(outcome.sent).toBeLessThan(4 * MB + SOCKET_BUFFERS);
  });

  it("holds JSON and text bodies to the same 4 MB", async () => {
    for (const type of ["application/json", "text/plain"]) {
      const outcome = await sendChunked(env.app.url, "/login", { headers: { origin: origin(), "content-type": type }, head: '{"email":"', chunk: Buffer.alloc(CHUNK_BYTES, "a") });
      expect(outcome.status, type).toBe(413);
      expect(outcome.sent, type).toBeLessThan(4 * MB + SOCKET_BUFFERS);
    }
  });

  it("holds a multipart body sent to a route that takes no file to the same 4 MB", async () => {
    const outcome = await sendChunked(env.app.url, "/login", { headers: multipartHeaders(), head: endlessFile("email", "a.txt"), chunk: Buffer.alloc(CHUNK_BYTES, "a") });
    expect(outcome.status).toBe(413);
    expect(outcome.sent).toBeLessThan(4 * MB + SOCKET_BUFFERS);
  });

  it("closes the connection after refusing a chunked post from another origin, instead of reading the rest", async () => {
    const outcome = await sendChunked(env.app.url, "/login", {
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      head: "password=x&email=",
      chunk: Buffer.alloc(CHUNK_BYTES, "a"),
    });
    expect(outcome.status).toBe(403);
    expect(outcome.sent).toBeLessThan(SOCKET_BUFFERS);
  });

  it("reads at most 4 KB of a usage report before refusing it, not the whole text first", async () => {
    const outcome = await sendChunked(env.app.url, "/usage", {
      headers: { origin: origin(), "content-type": "application/json" },
      head: '{"kind":"error","routeId":"routes/login","message":"',
      chunk: Buffer.alloc(CHUNK_BYTES, "a"),
    });
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body)).toEqual({ error: "A usage report is at most 4 KB." });
    expect(outcome.sent).toBeLessThan(4 * 1024 + SOCKET_BUFFERS);
  });

  it("refuses a workspace import of thousands of tiny parts after a handful of them", async () => {
    const before = await env.db.selectFrom("workspaces").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const outcome = await sendChunked(env.app.url, "/w/import", { headers: multipartHeaders(env.team.owner.browser), chunk: tinyParts });
    expect(outcome.status).toBe(413);
    expect(fieldErrors(outcome.body, "file")).toEqual(["This form has more fields than an import has."]);
    expect(outcome.sent).toBeLessThan(SOCKET_BUFFERS);
    const after = await env.db.selectFrom("workspaces").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("stops reading a chunked workspace import at its 20 MB, with the field error", async () => {
    const outcome = await sendChunked(env.app.url, "/w/import", { headers: multipartHeaders(env.team.owner.browser), head: endlessFile("file", "export.json"), chunk: Buffer.alloc(CHUNK_BYTES, " ") });
    expect(outcome.status).toBe(413);
    expect(fieldErrors(outcome.body, "file")).toEqual(["This file is larger than 20 MB, the import limit."]);
    expect(outcome.sent).toBeLessThan(20 * MB + SOCKET_BUFFERS);
  });

  it("stops reading a chunked initiative CSV import at its 1 MB, with the page's message", async () => {
    const outcome = await sendChunked(env.app.url, `/w/${env.team.slug}/initiatives/import`, {
      headers: multipartHeaders(env.team.editor.browser),
      head: endlessFile("file", "initiatives.csv"),
      chunk: Buffer.alloc(CHUNK_BYTES, "x"),
    });
    expect(outcome.status).toBe(413);
    expect(visibleText(outcome.body)).toContain("This file is larger than 1 MB, the import limit.");
    expect(outcome.sent).toBeLessThan(1 * MB + SOCKET_BUFFERS);
  });

  it("refuses an initiative CSV import of thousands of tiny parts after a handful of them", async () => {
    const outcome = await sendChunked(env.app.url, `/w/${env.team.slug}/initiatives/import`, { headers: multipartHeaders(env.team.editor.browser), chunk: tinyParts });
    expect(outcome.status).toBe(413);
    expect(visibleText(outcome.body)).toContain("This form has more fields than an import has.");
    expect(outcome.sent).toBeLessThan(SOCKET_BUFFERS);
  });

  it("stops reading a chunked transcript upload at 32 MB, telling the person the file is too large", async () => {
    const outcome = await sendChunked(env.app.url, `/w/${env.team.slug}/transcripts/new`, {
      headers: multipartHeaders(env.team.editor.browser),
      head: endlessFile("file", "offsite.txt"),
      chunk: Buffer.alloc(CHUNK_BYTES, "A"),
    });
    expect(outcome.status).toBe(400);
    expect(fieldErrors(outcome.body, "file")).toEqual(["The file is more than 32 MB; the limit is 1 MB."]);
    expect(outcome.sent).toBeLessThan(32 * MB + SOCKET_BUFFERS);
  });

  it("refuses a transcript form of thousands of tiny parts after a handful of them", async () => {
    const outcome = await sendChunked(env.app.url, `/w/${env.team.slug}/transcripts/new`, { headers: multipartHeaders(env.team.editor.browser), chunk: tinyParts });
    expect(outcome.status).toBe(413);
    expect(visibleText(outcome.body)).toContain("This form has more fields than a transcript form has.");
    expect(outcome.sent).toBeLessThan(SOCKET_BUFFERS);
  });
});

describe("after the refusals", () => {
  it("logged none of them as a failure of ours", () => {
    const failures = env.app.logs.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((entry) => entry.level >= 50);
    expect(failures).toEqual([]);
  });
});
