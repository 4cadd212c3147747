import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenLocally, readBody, sendJson } from "../fake-http";
import { blockJson, FakeNotionStore, pageJson, paginate, plain, type FakePage } from "./fake-notion-store";

/**
 * A fake Notion (api.notion.com) for tests and development, speaking the real protocol of:
 *   - https://developers.notion.com/docs/authorization — GET /v1/oauth/authorize (approved at once, back to
 *     redirect_uri with code and state), POST /v1/oauth/token (HTTP Basic client auth; tokens never expire)
 *   - https://developers.notion.com/reference/intro — every other call needs `Authorization: Bearer` and a
 *     `Notion-Version` header; cursor pagination with start_cursor / next_cursor / has_more
 *   - POST /v1/search, GET /v1/users/me, GET /v1/pages/{id}, GET /v1/blocks/{id}/children, POST /v1/databases,
 *     POST /v1/data_sources/{id}/query (filter: rich_text equals), POST /v1/pages, PATCH /v1/pages/{id}
 *   - https://developers.notion.com/reference/status-codes — errors `{ object: "error", status, code, message }`,
 *     429 `rate_limited` with Retry-After when asked (https://developers.notion.com/reference/request-limits)
 */

export interface FakeNotionOptions {
  clientId?: string;
  clientSecret?: string;
  workspaceName?: string;
  /** A fixed port (the end-to-end harness); a free one otherwise. */
  port?: number;
}

export interface FakeNotionRequest {
  method: string;
  path: string;
  token: string | null;
}

export interface FakeNotion {
  url: string;
  clientId: string;
  clientSecret: string;
  store: FakeNotionStore;
  requests: FakeNotionRequest[];
  authorizations: URLSearchParams[];
  /** Every token ever issued, for tests that search for them where they must not be. */
  issued: string[];
  /** Makes every token issued so far unknown, as if the user removed the integration in Notion. */
  forgetTokens(): void;
  /** The next `count` API requests answer 429 rate_limited with this Retry-After. */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  /** The app's environment variables pointing this provider at the fake, as a deployment would be configured. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const VERSIONS = ["2022-06-28", "2025-09-03"];

export async function startFakeNotion(options: FakeNotionOptions = {}): Promise<FakeNotion> {
  const clientId = options.clientId ?? "fake-notion-client-id";
  const clientSecret = options.clientSecret ?? "fake-notion-client-secret";
  const workspace = { id: randomUUID(), name: options.workspaceName ?? "Northwind HQ" };
  const botId = randomUUID();
  const codes = new Map<string, string>();
  const tokens = new Set<string>();
  const issued: string[] = [];
  const store = new FakeNotionStore();
  let rateLimit = { count: 0, retryAfter: 0 };

  const fake: FakeNotion = {
    url: "",
    clientId,
    clientSecret,
    store,
    requests: [],
    authorizations: [],
    issued,
    forgetTokens: () => tokens.clear(),
    rateLimitNext: (count, retryAfter) => (rateLimit = { count, retryAfter }),
    env: () => ({ NOTION_CLIENT_ID: clientId, NOTION_CLIENT_SECRET: clientSecret, NOTION_BASE_URL: fake.url }),
    close: () => closeServer(server),
  };

  const error = (response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    sendJson(response, status, { object: "error", status, code, message, request_id: randomUUID() }, headers);
  const notFound = (response: ServerResponse, id: string) =>
    error(response, 404, "object_not_found", `Could not find object with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);

  function authorize(query: URLSearchParams, response: ServerResponse) {
    fake.authorizations.push(query);
    const redirectUri = query.get("redirect_uri");
    if (query.get("client_id") !== clientId || !redirectUri || query.get("response_type") !== "code" || query.get("owner") !== "user") {
      return void response.writeHead(400, { "content-type": "text/html" }).end("<h1>Invalid authorization request</h1>");
    }
    const code = randomUUID();
    codes.set(code, redirectUri);
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", query.get("state") ?? "");
    response.writeHead(302, { location: back.href }).end();
  }

  function token(request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>) {
    const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent) : [];
    if (id !== clientId || secret !== clientSecret) return sendJson(response, 401, { error: "invalid_client", error_description: "Invalid client credentials." });
    const redirectUri = codes.get(String(body.code ?? ""));
    codes.delete(String(body.code ?? ""));
    if (body.grant_type !== "authorization_code") return sendJson(response, 400, { error: "unsupported_grant_type", error_description: "Unsupported grant type." });
    if (!redirectUri || redirectUri !== body.redirect_uri) return sendJson(response, 400, { error: "invalid_grant", error_description: "Invalid code." });
    const accessToken = `ntn_fake_${randomBytes(16).toString("hex")}`;
    tokens.add(accessToken);
    issued.push(accessToken);
    sendJson(response, 200, {
      access_token: accessToken,
      token_type: "bearer",
      bot_id: botId,
      workspace_id: workspace.id,
      workspace_name: workspace.name,
      workspace_icon: null,
      owner: { type: "user", user: { object: "user", id: randomUUID() } },
      duplicated_template_id: null,
    });
  }

  function api(method: string, path: string, url: URL, body: Record<string, unknown>, response: ServerResponse) {
    if (method === "GET" && path === "/v1/users/me") {
      return sendJson(response, 200, { object: "user", id: botId, type: "bot", name: "Bearing", bot: { owner: { type: "workspace", workspace: true }, workspace_name: workspace.name } });
    }
    if (method === "POST" && path === "/v1/search") {
      const filter = body.filter as { property?: string; value?: string } | undefined;
      const query = String(body.query ?? "").toLowerCase();
      // Only pages are held as search results here; a data_source filter finds none.
      const matching = [...store.pages.values()].filter((page) => filter?.value !== "data_source" && page.title.toLowerCase().includes(query));
      return list(response, matching, body.start_cursor, body.page_size, (page) => pageJson(page), { type: "page_or_data_source", page_or_data_source: {} });
    }
    const children = path.match(/^\/v1\/blocks\/([^/]+)\/children$/);
    if (method === "GET" && children) {
      const id = children[1]!;
      const blocks = store.pages.get(id)?.blocks ?? store.blocks.get(id)?.children;
      if (!blocks) return notFound(response, id);
      return list(response, blocks, url.searchParams.get("start_cursor"), url.searchParams.get("page_size"), (block) => blockJson(block, id), { type: "block", block: {} });
    }
    const pagePath = path.match(/^\/v1\/pages\/([^/]+)$/);
    if (pagePath) {
      const page = store.pages.get(pagePath[1]!);
      if (!page) return notFound(response, pagePath[1]!);
      if (method === "PATCH") {
        page.properties = { ...page.properties, ...(body.properties as Record<string, unknown>) };
        page.title = titleOf(page.properties) ?? page.title;
        page.lastEditedAt = new Date().toISOString();
      }
      return sendJson(response, 200, pageJson(page));
    }
    if (method === "POST" && path === "/v1/pages") return createRow(body, response);
    if (method === "POST" && path === "/v1/databases") return createDatabase(body, response);
    const query = path.match(/^\/v1\/data_sources\/([^/]+)\/query$/);
    if (method === "POST" && query) {
      const dataSource = store.dataSources.get(query[1]!);
      if (!dataSource) return notFound(response, query[1]!);
      const filter = body.filter as { property?: string; rich_text?: { equals?: string } } | undefined;
      const rows = store.rows(dataSource.id).filter((row) => !filter?.property || richTextOf(row.properties[filter.property]) === filter.rich_text?.equals);
      return list(response, rows, body.start_cursor, body.page_size, (row) => pageJson(row), { type: "page_or_data_source", page_or_data_source: {} });
    }
    error(response, 400, "invalid_request_url", "Invalid request URL.");
  }

  function createDatabase(body: Record<string, unknown>, response: ServerResponse) {
    const parent = body.parent as { page_id?: string } | undefined;
    if (!parent?.page_id || !store.pages.has(parent.page_id)) return notFound(response, parent?.page_id ?? "");
    const properties = (body.initial_data_source as { properties?: Record<string, unknown> } | undefined)?.properties;
    if (!properties || !Object.values(properties).some((property) => property && typeof property === "object" && "title" in property)) {
      return error(response, 400, "validation_error", "body failed validation: a database needs one title property.");
    }
    const title = ((body.title as { text?: { content?: string } }[] | undefined) ?? []).map((part) => part.text?.content ?? "").join("");
    const databaseId = randomUUID();
    const dataSource = { id: randomUUID(), databaseId, title, parentPageId: parent.page_id, properties };
    store.dataSources.set(dataSource.id, dataSource);
    sendJson(response, 200, {
      object: "database",
      id: databaseId,
      title: [plain(title)],
      parent: { type: "page_id", page_id: parent.page_id },
      data_sources: [{ id: dataSource.id, name: title }],
      url: `https://www.notion.so/${databaseId.replace(/-/g, "")}`,
    });
  }

  function createRow(body: Record<string, unknown>, response: ServerResponse) {
    const parent = body.parent as { data_source_id?: string } | undefined;
    const dataSource = parent?.data_source_id ? store.dataSources.get(parent.data_source_id) : undefined;
    if (!dataSource) return notFound(response, parent?.data_source_id ?? "");
    const properties = (body.properties ?? {}) as Record<string, unknown>;
    const unknown = Object.keys(properties).find((name) => !(name in dataSource.properties));
    if (unknown) return error(response, 400, "validation_error", `${unknown} is not a property that exists.`);
    const now = new Date().toISOString();
    const row: FakePage = {
      id: randomUUID(),
      title: titleOf(properties) ?? "",
      parent: { type: "data_source_id", data_source_id: dataSource.id, database_id: dataSource.databaseId },
      properties,
      blocks: [],
      createdAt: now,
      lastEditedAt: now,
    };
    store.pages.set(row.id, row);
    sendJson(response, 200, pageJson(row));
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", fake.url);
    const method = request.method ?? "GET";
    const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? null;
    fake.requests.push({ method, path: url.pathname, token: bearer });
    if (method === "GET" && url.pathname === "/v1/oauth/authorize") return authorize(url.searchParams, response);
    const body = await readBody(request);
    if (method === "POST" && url.pathname === "/v1/oauth/token") return token(request, response, body);
    const version = request.headers["notion-version"];
    if (!version) return error(response, 400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
    if (!VERSIONS.includes(String(version))) return error(response, 400, "validation_error", `Notion-Version ${String(version)} is not supported.`);
    if (!bearer || !tokens.has(bearer)) return error(response, 401, "unauthorized", "API token is invalid.");
    if (rateLimit.count > 0) {
      rateLimit.count -= 1;
      return error(response, 429, "rate_limited", "You have been rate limited. Please try again in a few minutes.", { "retry-after": String(rateLimit.retryAfter) });
    }
    api(method, url.pathname, url, body, response);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((cause: unknown) => error(response, 500, "internal_server_error", String(cause)));
  });
  fake.url = await listenLocally(server, options.port);
  return fake;

  function list<T extends { id: string }>(response: ServerResponse, items: T[], cursor: unknown, size: unknown, json: (item: T) => unknown, kind: Record<string, unknown>) {
    const page = paginate(items, cursor, size);
    if (!page) return error(response, 400, "validation_error", "start_cursor is not a valid cursor.");
    sendJson(response, 200, { object: "list", results: page.results.map(json), next_cursor: page.next_cursor, has_more: page.has_more, ...kind, request_id: randomUUID() });
  }
}

function titleOf(properties: Record<string, unknown>): string | null {
  const title = Object.values(properties).find((property): property is { title: { text?: { content?: string }; plain_text?: string }[] } => Boolean(property && typeof property === "object" && "title" in property));
  return title ? title.title.map((part) => part.text?.content ?? part.plain_text ?? "").join("") : null;
}

function richTextOf(property: unknown): string {
  const parts = (property as { rich_text?: { text?: { content?: string } }[] } | undefined)?.rich_text ?? [];
  return parts.map((part) => part.text?.content ?? "").join("");
}
