import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenLocally, readText, sendJson } from "../fake-http";

/**
 * A fake Slack for tests and development, speaking the real protocol of:
 *   - https://api.slack.com/authentication/oauth-v2 (GET /oauth/v2/authorize, the browser step: approved at once)
 *   - https://api.slack.com/methods/oauth.v2.access
 *   - https://api.slack.com/methods/auth.test and https://api.slack.com/methods/auth.revoke
 *   - https://api.slack.com/methods/conversations.list (cursor / response_metadata.next_cursor)
 *   - https://api.slack.com/methods/chat.postMessage
 *   - https://api.slack.com/methods/conversations.replies
 * Like Slack, failures are HTTP 200 with `{ ok: false, error }` (https://api.slack.com/web#responses)
 * — invalid_auth, not_authed, channel_not_found, not_in_channel, thread_not_found, invalid_code — except
 * rate limits: HTTP 429 with Retry-After (https://api.slack.com/apis/rate-limits). Method arguments
 * arrive form-encoded (as @slack/web-api sends them, JSON-valued fields as JSON strings) or as JSON.
 */

export interface FakeSlackChannel {
  id: string;
  name: string;
  /** Whether the app's bot is in it; posting elsewhere answers not_in_channel. */
  botIsMember: boolean;
}

export interface FakeSlackMessage {
  user: string;
  text: string;
  ts: string;
  thread_ts?: string;
}

export interface FakeSlackCall {
  method: string;
  /** The token the call carried, if any. */
  token: string | null;
  args: Record<string, unknown>;
}

export interface FakeSlackToken {
  token: string;
  scopes: string[];
  revoked: boolean;
}

export interface FakeSlackOptions {
  clientId?: string;
  clientSecret?: string;
  team?: { id: string; name: string };
  channels?: FakeSlackChannel[];
  /** Threads by channel id and parent ts: the parent first, then its replies. */
  threads?: Record<string, Record<string, FakeSlackMessage[]>>;
  /** The most items conversations.list returns per page, whatever `limit` asks, to exercise pagination. */
  pageSize?: number;
  /** A fixed port (the end-to-end harness); a free one otherwise. */
  port?: number;
}

export interface FakeSlack {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Every Web API call (/api/...), in order. */
  calls: FakeSlackCall[];
  /** Every browser visit to the authorisation page, with its query. */
  authorizations: URLSearchParams[];
  tokens: Map<string, FakeSlackToken>;
  channels: FakeSlackChannel[];
  /** The next call of `method` answers HTTP 429 with this Retry-After. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** The next call of `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** The app's environment variables pointing this provider at the fake, as a deployment would be configured. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

interface Grant {
  scopes: string[];
  redirectUri: string | null;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const clientId = options.clientId ?? "1111.2222";
  const clientSecret = options.clientSecret ?? "fake-slack-client-secret";
  const team = options.team ?? { id: "T0FAKE", name: "Fake Slack Team" };
  const channels = options.channels ?? [{ id: "C0GENERAL", name: "general", botIsMember: true }];
  const threads = options.threads ?? {};
  const pageSize = options.pageSize ?? 100;
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, FakeSlackToken>();
  const calls: FakeSlackCall[] = [];
  const authorizations: URLSearchParams[] = [];
  const rateLimits = new Map<string, number>();
  const failures = new Map<string, string>();
  let messageCounter = 0;

  const api: Record<string, (args: Record<string, unknown>, token: FakeSlackToken) => Record<string, unknown>> = {
    "auth.test": () => ({ url: `https://${team.name.toLowerCase().replace(/\W+/g, "")}.slack.com/`, team: team.name, team_id: team.id, user: "bearing", user_id: "U0BOT", bot_id: "B0BOT" }),
    "auth.revoke": (_args, token) => {
      token.revoked = true;
      return { revoked: true };
    },
    "conversations.list": (args) => {
      const offset = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString("utf8").replace(/^offset:/, "")) : 0;
      const limit = Math.min(Number(args.limit ?? 100) || 100, pageSize);
      const page = channels.slice(offset, offset + limit);
      const next = offset + limit < channels.length ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "";
      return {
        channels: page.map((c) => ({ id: c.id, name: c.name, is_channel: true, is_private: false, is_archived: false, is_member: c.botIsMember })),
        response_metadata: { next_cursor: next },
      };
    },
    "chat.postMessage": (args) => {
      const channel = channels.find((c) => c.id === args.channel || c.name === args.channel);
      if (!channel) return { ok: false, error: "channel_not_found" };
      if (!channel.botIsMember) return { ok: false, error: "not_in_channel" };
      if (!args.text && !args.blocks) return { ok: false, error: "no_text" };
      const ts = `${Math.floor(Date.now() / 1000)}.${String(++messageCounter).padStart(6, "0")}`;
      return { channel: channel.id, ts, message: { type: "message", text: args.text, blocks: args.blocks, ts, bot_id: "B0BOT" } };
    },
    "conversations.replies": (args) => {
      if (!channels.some((c) => c.id === args.channel)) return { ok: false, error: "channel_not_found" };
      const thread = threads[String(args.channel)]?.[String(args.ts)];
      if (!thread) return { ok: false, error: "thread_not_found" };
      const offset = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString("utf8").replace(/^offset:/, "")) : 0;
      const limit = Math.min(Number(args.limit ?? 1000) || 1000, pageSize);
      const next = offset + limit < thread.length ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "";
      return {
        messages: thread.slice(offset, offset + limit).map((m) => ({ type: "message", thread_ts: args.ts, ...m })),
        has_more: Boolean(next),
        response_metadata: { next_cursor: next },
      };
    },
  };

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake-slack");
    if (request.method === "GET" && url.pathname === "/oauth/v2/authorize") return authorize(url.searchParams, response);
    const method = url.pathname.match(/^\/api\/([\w.]+)$/)?.[1];
    if (!method) return send(response, 404, { ok: false, error: "unknown_method" });
    const { args, basic } = await readArguments(request);
    const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? null;
    const token = bearer ?? (typeof args.token === "string" ? args.token : null);
    calls.push({ method, token, args });

    const retryAfter = rateLimits.get(method);
    if (retryAfter !== undefined) {
      rateLimits.delete(method);
      return send(response, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) });
    }
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return send(response, 200, { ok: false, error: failure });
    }
    if (method === "oauth.v2.access") return send(response, 200, exchange(args, basic));
    const handler = api[method];
    if (!handler) return send(response, 200, { ok: false, error: "unknown_method" });
    if (!token) return send(response, 200, { ok: false, error: "not_authed" });
    const held = tokens.get(token);
    if (!held || held.revoked) return send(response, 200, { ok: false, error: "invalid_auth" });
    const answer = handler(args, held);
    send(response, 200, "ok" in answer ? answer : { ok: true, ...answer });
  }

  function authorize(query: URLSearchParams, response: ServerResponse) {
    authorizations.push(query);
    const redirectUri = query.get("redirect_uri");
    if (query.get("client_id") !== clientId || !redirectUri) {
      response.writeHead(400, { "content-type": "text/html" }).end("<h1>Invalid client_id or redirect_uri</h1>");
      return;
    }
    const code = `fake-code-${randomBytes(12).toString("hex")}`;
    codes.set(code, { scopes: (query.get("scope") ?? "").split(",").filter(Boolean), redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", query.get("state") ?? "");
    response.writeHead(302, { location: back.href }).end();
  }

  function exchange(args: Record<string, unknown>, basic: { id: string; secret: string } | null) {
    const id = basic?.id ?? args.client_id;
    const secret = basic?.secret ?? args.client_secret;
    if (id !== clientId) return { ok: false, error: "invalid_client_id" };
    if (secret !== clientSecret) return { ok: false, error: "bad_client_secret" };
    const grant = codes.get(String(args.code));
    if (!grant) return { ok: false, error: "invalid_code" };
    codes.delete(String(args.code));
    if (grant.redirectUri && args.redirect_uri !== grant.redirectUri) return { ok: false, error: "bad_redirect_uri" };
    const token = `xoxb-fake-${randomBytes(16).toString("hex")}`;
    tokens.set(token, { token, scopes: grant.scopes, revoked: false });
    return {
      ok: true,
      app_id: "A0BEARING",
      authed_user: { id: "U0INSTALLER" },
      scope: grant.scopes.join(","),
      token_type: "bot",
      access_token: token,
      bot_user_id: "U0BOT",
      team,
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { ok: false, error: "internal_error" }));
  });
  const url = await listenLocally(server, options.port);

  return {
    url,
    clientId,
    clientSecret,
    calls,
    authorizations,
    tokens,
    channels,
    rateLimitNext: (method, seconds) => void rateLimits.set(method, seconds),
    failNext: (method, error) => void failures.set(method, error),
    env: () => ({ SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_BASE_URL: url }),
    close: () => closeServer(server),
  };
}

async function readArguments(request: IncomingMessage) {
  const body = await readText(request);
  const args: Record<string, unknown> = {};
  if (request.headers["content-type"]?.startsWith("application/json")) Object.assign(args, body ? JSON.parse(body) : {});
  else for (const [name, value] of new URLSearchParams(body)) args[name] = jsonField(value);
  const credentials = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
  const [id, secret] = credentials ? Buffer.from(credentials, "base64").toString("utf8").split(":") : [];
  return { args, basic: id !== undefined && secret !== undefined ? { id, secret } : null };
}

/** @slack/web-api sends arrays and objects (blocks, attachments) as JSON strings inside the form. */
function jsonField(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Slack's Web API answers say their charset. */
function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  sendJson(response, status, body, { "content-type": "application/json; charset=utf-8", ...headers });
}
