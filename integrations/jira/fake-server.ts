import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenLocally, readBody, sendJson } from "../fake-http";
import { FakeJiraProject, issueJson, parseJql, transitionsJson, type FakeJiraIssue } from "./fake-jira-issues";

/**
 * A fake Atlassian (auth.atlassian.com + api.atlassian.com on one origin) for tests and development,
 * speaking the real protocol of:
 *   - https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/ — GET /authorize (approved at once,
 *     back to redirect_uri with code and state), POST /oauth/token (authorization_code and refresh_token grants;
 *     rotating refresh tokens: each works once, reuse answers 403 invalid_grant "Unknown or invalid refresh token."),
 *     GET /oauth/token/accessible-resources, GET /me
 *   - https://developer.atlassian.com/cloud/jira/platform/rest/v3/ through the gateway /ex/jira/{cloudId}:
 *     GET|POST /rest/api/3/search/jql (enhanced search: nextPageToken/isLast), POST /rest/api/3/issue,
 *     GET /rest/api/3/issue/{key}, GET /rest/api/3/issue/{key}/transitions
 *   - https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ — 429 with Retry-After when asked
 * An expired or unknown access token answers the gateway's 401 `{ code: 401, message: "Unauthorized" }`.
 */

export interface FakeAtlassianSiteOptions {
  name: string;
  /** Projects and how many issues each holds before any is created. */
  projects?: Record<string, number>;
}

export interface FakeAtlassianOptions {
  clientId?: string;
  clientSecret?: string;
  sites?: FakeAtlassianSiteOptions[];
  /** Lifetime of access tokens, in seconds (Atlassian: 3600). */
  accessTokenLifetimeSeconds?: number;
  /** The most issues one search page returns, whatever maxResults asks (Jira Cloud: 5000 for ids, 100 with fields). */
  maxPageSize?: number;
  /** A fixed port (the end-to-end harness); a free one otherwise. */
  port?: number;
}

export interface FakeAtlassianSite {
  id: string;
  name: string;
  url: string;
  projects: Map<string, FakeJiraProject>;
}

export interface FakeAtlassianRequest {
  method: string;
  path: string;
  token: string | null;
}

export interface FakeAtlassian {
  url: string;
  clientId: string;
  clientSecret: string;
  sites: FakeAtlassianSite[];
  requests: FakeAtlassianRequest[];
  /** Every access and refresh token ever issued, for tests that search for them where they must not be. */
  issued: string[];
  authorizations: URLSearchParams[];
  /** Lifetime of access tokens issued from now on, in seconds. */
  accessTokenLifetimeSeconds: number;
  /** Makes every access token issued so far expired. */
  expireAccessTokens(): void;
  /** Whether the fake would still take this refresh token (rotation: each works once). */
  acceptsRefreshToken(token: string): boolean;
  /** The next `count` gateway (Jira REST) requests answer 429 with this Retry-After. */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  project(siteIndex: number, key: string): FakeJiraProject;
  /** The app's environment variables pointing this provider at the fake, as a deployment would be configured. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const SCOPES = ["read:jira-work", "write:jira-work", "offline_access", "read:me"];

export async function startFakeAtlassian(options: FakeAtlassianOptions = {}): Promise<FakeAtlassian> {
  const clientId = options.clientId ?? "fake-atlassian-client-id";
  const clientSecret = options.clientSecret ?? "fake-atlassian-client-secret";
  const maxPageSize = options.maxPageSize ?? 100;
  const codes = new Map<string, { redirectUri: string; scopes: string[] }>();
  const accessTokens = new Map<string, { expiresAt: number; scopes: string[] }>();
  const refreshTokens = new Map<string, { scopes: string[] }>();
  const requests: FakeAtlassianRequest[] = [];
  const issued: string[] = [];
  const authorizations: URLSearchParams[] = [];
  let rateLimit = { count: 0, retryAfter: 0 };

  const sites: FakeAtlassianSite[] = (options.sites ?? [{ name: "acme", projects: { PAY: 3 } }]).map((site) => ({
    id: randomUUID(),
    name: site.name,
    url: `https://${site.name}.atlassian.net`,
    projects: new Map(Object.entries(site.projects ?? {}).map(([key, count]) => [key, new FakeJiraProject(key, count)])),
  }));

  const fake: FakeAtlassian = {
    url: "",
    clientId,
    clientSecret,
    sites,
    requests,
    issued,
    authorizations,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    expireAccessTokens: () => accessTokens.forEach((token) => (token.expiresAt = 0)),
    acceptsRefreshToken: (token) => refreshTokens.has(token),
    rateLimitNext: (count, retryAfter) => (rateLimit = { count, retryAfter }),
    project(siteIndex, key) {
      const project = sites[siteIndex]?.projects.get(key);
      if (!project) throw new Error(`The fake has no project ${key} on site ${siteIndex}`);
      return project;
    },
    env: () => ({ ATLASSIAN_CLIENT_ID: clientId, ATLASSIAN_CLIENT_SECRET: clientSecret, ATLASSIAN_AUTH_URL: fake.url, ATLASSIAN_API_URL: fake.url }),
    close: () => closeServer(server),
  };

  function issueTokens(scopes: string[]) {
    const accessToken = `fake-atlassian-access-${randomBytes(16).toString("hex")}`;
    const refreshToken = `fake-atlassian-refresh-${randomBytes(16).toString("hex")}`;
    accessTokens.set(accessToken, { expiresAt: Date.now() + fake.accessTokenLifetimeSeconds * 1000, scopes });
    refreshTokens.set(refreshToken, { scopes });
    issued.push(accessToken, refreshToken);
    return { access_token: accessToken, refresh_token: refreshToken, expires_in: fake.accessTokenLifetimeSeconds, token_type: "Bearer", scope: scopes.join(" ") };
  }

  function token(request: IncomingMessage, response: ServerResponse, body: Record<string, string>) {
    const basic = request.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent) : [body.client_id, body.client_secret];
    if (id !== clientId || secret !== clientSecret) return sendJson(response, 401, { error: "access_denied", error_description: "Unauthorized" });
    if (body.grant_type === "authorization_code") {
      const grant = codes.get(body.code ?? "");
      codes.delete(body.code ?? "");
      if (!grant || grant.redirectUri !== body.redirect_uri) return sendJson(response, 403, { error: "invalid_grant", error_description: "Invalid authorization code" });
      return sendJson(response, 200, issueTokens(grant.scopes));
    }
    if (body.grant_type === "refresh_token") {
      const held = refreshTokens.get(body.refresh_token ?? "");
      if (!held) return sendJson(response, 403, { error: "invalid_grant", error_description: "Unknown or invalid refresh token." });
      // Rotating refresh tokens: the one just used is spent (https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#use-a-refresh-token-to-get-another-access-token-and-refresh-token-pair).
      refreshTokens.delete(body.refresh_token!);
      return sendJson(response, 200, issueTokens(held.scopes));
    }
    return sendJson(response, 400, { error: "unsupported_grant_type", error_description: "Unsupported grant type" });
  }

  function authorize(query: URLSearchParams, response: ServerResponse) {
    authorizations.push(query);
    const redirectUri = query.get("redirect_uri");
    if (query.get("client_id") !== clientId || !redirectUri || query.get("audience") !== "api.atlassian.com" || query.get("response_type") !== "code") {
      return void response.writeHead(400, { "content-type": "text/html" }).end("<h1>Something went wrong: invalid authorization request</h1>");
    }
    const code = `fake-atlassian-code-${randomBytes(12).toString("hex")}`;
    codes.set(code, { redirectUri, scopes: (query.get("scope") ?? "").split(" ").filter((scope) => SCOPES.includes(scope)) });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", query.get("state") ?? "");
    response.writeHead(302, { location: back.href }).end();
  }

  function search(site: FakeAtlassianSite, apiBase: string, params: Record<string, unknown>, response: ServerResponse) {
    const query = parseJql(String(params.jql ?? ""));
    if ("error" in query) return sendJson(response, 400, { errorMessages: [query.error], errors: {}, warningMessages: [] });
    const matches = (issue: FakeJiraIssue) => !query.issueType || issue.issueType.toLowerCase() === query.issueType.toLowerCase();
    const offset = params.nextPageToken ? Number(Buffer.from(String(params.nextPageToken), "base64url").toString("utf8")) : 0;
    const pageSize = Math.min(Number(params.maxResults ?? 50) || 50, maxPageSize);
    const found: FakeJiraIssue[] = [];
    let position = offset;
    if (query.keys) {
      const all = query.keys.flatMap((key) => [...site.projects.values()].map((project) => project.byKey(key)).filter((issue): issue is FakeJiraIssue => Boolean(issue)));
      const filtered = all.filter(matches);
      found.push(...filtered.slice(offset, offset + pageSize));
      position = Math.min(offset + pageSize, filtered.length);
      return page(filtered.length > position);
    }
    const projects = query.project ? [site.projects.get(query.project)].filter((p): p is FakeJiraProject => Boolean(p)) : [...site.projects.values()];
    // One ordering across projects: position counts through each project's issues in turn.
    const total = projects.reduce((sum, project) => sum + project.count, 0);
    while (found.length < pageSize && position < total) {
      let index = position++;
      const project = projects.find((candidate) => (index < candidate.count ? true : ((index -= candidate.count), false)))!;
      const issue = project.at(index)!;
      if (matches(issue)) found.push(issue);
    }
    return page(position < total);

    function page(more: boolean) {
      sendJson(response, 200, {
        issues: found.map((issue) => issueJson(issue, apiBase)),
        ...(more ? { nextPageToken: Buffer.from(String(position)).toString("base64url") } : {}),
        isLast: !more,
      });
    }
  }

  function jira(site: FakeAtlassianSite, method: string, path: string, params: Record<string, unknown>, response: ServerResponse, apiBase: string) {
    if (path === "/rest/api/3/search/jql") return search(site, apiBase, params, response);
    if (method === "POST" && path === "/rest/api/3/issue") {
      const fields = (params.fields ?? {}) as { project?: { key?: string }; summary?: string; issuetype?: { name?: string }; description?: unknown };
      const project = site.projects.get(fields.project?.key ?? "");
      const errors: Record<string, string> = {};
      if (!project) errors.project = "Specify a valid project ID or key";
      if (!fields.summary?.trim()) errors.summary = "You must specify a summary of the issue.";
      if (fields.issuetype?.name !== "Epic" && fields.issuetype?.name !== "Story") errors.issuetype = "Specify a valid issue type";
      if (Object.keys(errors).length > 0) return sendJson(response, 400, { errorMessages: [], errors });
      const text = JSON.stringify(fields.description ?? "").match(/"text":"((?:[^"\\]|\\.)*)"/)?.[1] ?? "";
      const issue = project!.create({ summary: fields.summary!.trim(), issueType: fields.issuetype!.name as "Epic" | "Story", description: JSON.parse(`"${text}"`) });
      return sendJson(response, 201, { id: issue.id, key: issue.key, self: `${apiBase}/rest/api/3/issue/${issue.id}` });
    }
    const issuePath = path.match(/^\/rest\/api\/3\/issue\/([^/]+)(\/transitions)?$/);
    if (method === "GET" && issuePath) {
      const key = decodeURIComponent(issuePath[1]!);
      const issue = [...site.projects.values()].map((project) => project.byKey(key)).find(Boolean);
      if (!issue) return sendJson(response, 404, { errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} });
      return sendJson(response, 200, issuePath[2] ? transitionsJson(issue) : issueJson(issue, apiBase));
    }
    sendJson(response, 404, { errorMessages: ["Not found"], errors: {} });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", fake.url);
    const method = request.method ?? "GET";
    const bearer = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1] ?? null;
    requests.push({ method, path: url.pathname, token: bearer });
    if (method === "GET" && url.pathname === "/authorize") return authorize(url.searchParams, response);
    const body = await readBody(request);
    if (method === "POST" && url.pathname === "/oauth/token") return token(request, response, body as Record<string, string>);

    const held = bearer ? accessTokens.get(bearer) : undefined;
    if (!held || held.expiresAt <= Date.now()) return sendJson(response, 401, { code: 401, message: "Unauthorized" });
    if (url.pathname === "/oauth/token/accessible-resources") {
      return sendJson(response, 200, sites.map((site) => ({ id: site.id, url: site.url, name: site.name, scopes: held.scopes, avatarUrl: `${site.url}/avatar.png` })));
    }
    if (url.pathname === "/me") {
      return sendJson(response, 200, { account_id: "5b10a2844c20165700ede21g", account_type: "atlassian", email: "pm@example.com", name: "Pat Manager", picture: "", account_status: "active", nickname: "pat", locale: "en-GB" });
    }
    const gateway = url.pathname.match(/^\/ex\/jira\/([^/]+)(\/rest\/.*)$/);
    const site = gateway && sites.find((candidate) => candidate.id === gateway[1]);
    if (!gateway || !site) return sendJson(response, 404, { errorMessages: ["Not found"], errors: {} });
    if (rateLimit.count > 0) {
      rateLimit.count -= 1;
      return sendJson(response, 429, { errorMessages: ["Rate limit exceeded."], errors: {} }, { "retry-after": String(rateLimit.retryAfter) });
    }
    const params = method === "GET" ? Object.fromEntries(url.searchParams) : body;
    jira(site, method, gateway[2]!, params, response, `${fake.url}/ex/jira/${site.id}`);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 500, { errorMessages: [String(error)], errors: {} }));
  });
  fake.url = await listenLocally(server, options.port);
  return fake;
}
