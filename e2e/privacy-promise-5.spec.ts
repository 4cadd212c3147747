import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { generateToken, hashToken } from "../app/services/tokens.server";
import { addProviderKey, expect, test, uniqueKey } from "./support/ai";
import { insertWorkspace } from "./support/seed";
import { seedProductData } from "./support/seed-product";

// PRODUCT.md §6 promise 5, over every page of the app: each page is opened in Chromium while every
// request the browser makes is recorded. Only our origin is asked for anything, except the AI
// provider the person configured, and only from the screens that use AI. The list of pages is checked
// against app/routes, so a page added later without being walked here fails the first test.

interface Seeded {
  slug: string;
  ids: Record<"competitor" | "initiative" | "persona" | "risk" | "roadmapItem" | "transcript", string>;
  shareToken: string;
  invitationToken: string;
}

type Walk = { as: "visitor" | "member"; url: (seeded: Seeded) => string };

const visitor = (url: string | ((seeded: Seeded) => string)): Walk => ({ as: "visitor", url: typeof url === "string" ? () => url : url });
const member = (url: string | ((seeded: Seeded) => string)): Walk => ({ as: "member", url: typeof url === "string" ? () => url : url });
const inWorkspace = (path: string | ((seeded: Seeded) => string)) => member((s) => `/w/${s.slug}${typeof path === "string" ? path : path(s)}`);

/** Every page route (a module in app/routes with a default export), and how a person reaches it. */
const PAGES: Record<string, Walk> = {
  _index: visitor("/"),
  signup: visitor("/signup"),
  login: visitor("/login"),
  "login_.two-factor": visitor("/login/two-factor"),
  "forgot-password": visitor("/forgot-password"),
  "reset-password": visitor("/reset-password?token=expired-or-unknown"),
  "verify-email": visitor("/verify-email?token=expired-or-unknown"),
  "auth.confirm": visitor("/auth/confirm"),
  privacy: visitor("/privacy"),
  terms: visitor("/terms"),
  "share.$token": visitor((s) => `/share/${s.shareToken}`),
  "invitations.$token": visitor((s) => `/invitations/${s.invitationToken}`),
  "policies.accept": member("/policies/accept"),
  settings: member("/settings"),
  "settings.account": member("/settings/account"),
  "settings.security": member("/settings/security"),
  "settings.ai-keys": member("/settings/ai-keys"),
  "settings.privacy": member("/settings/privacy"),
  "settings.privacy_.delete": member("/settings/privacy/delete"),
  "w.new": member("/w/new"),
  "w.import": member("/w/import"),
  "w.$slug": inWorkspace(""),
  "w.$slug._index": inWorkspace(""),
  "w.$slug.ai._index": inWorkspace("/ai"),
  "w.$slug.search": inWorkspace("/search?q=payouts"),
  "w.$slug.vision._index": inWorkspace("/vision"),
  "w.$slug.vision.edit": inWorkspace("/vision/edit"),
  "w.$slug.vision.history._index": inWorkspace("/vision/history"),
  "w.$slug.vision.history.$number": inWorkspace("/vision/history/1"),
  "w.$slug.personas._index": inWorkspace("/personas"),
  "w.$slug.personas.new": inWorkspace("/personas/new"),
  "w.$slug.personas.$id._index": inWorkspace((s) => `/personas/${s.ids.persona}`),
  "w.$slug.personas.$id.edit": inWorkspace((s) => `/personas/${s.ids.persona}/edit`),
  "w.$slug.competitors._index": inWorkspace("/competitors"),
  "w.$slug.competitors.new": inWorkspace("/competitors/new"),
  "w.$slug.competitors.compare": inWorkspace("/competitors/compare"),
  "w.$slug.competitors.$id._index": inWorkspace((s) => `/competitors/${s.ids.competitor}`),
  "w.$slug.competitors.$id.edit": inWorkspace((s) => `/competitors/${s.ids.competitor}/edit`),
  "w.$slug.initiatives._index": inWorkspace("/initiatives"),
  "w.$slug.initiatives.board": inWorkspace("/initiatives/board"),
  "w.$slug.initiatives.import": inWorkspace("/initiatives/import"),
  "w.$slug.initiatives.new": inWorkspace("/initiatives/new"),
  "w.$slug.initiatives.$id._index": inWorkspace((s) => `/initiatives/${s.ids.initiative}`),
  "w.$slug.initiatives.$id.edit": inWorkspace((s) => `/initiatives/${s.ids.initiative}/edit`),
  "w.$slug.roadmap._index": inWorkspace("/roadmap"),
  "w.$slug.roadmap.timeline": inWorkspace("/roadmap/timeline"),
  "w.$slug.roadmap.shares": inWorkspace("/roadmap/shares"),
  "w.$slug.roadmap.new": inWorkspace("/roadmap/new"),
  "w.$slug.roadmap.$id._index": inWorkspace((s) => `/roadmap/${s.ids.roadmapItem}`),
  "w.$slug.roadmap.$id.edit": inWorkspace((s) => `/roadmap/${s.ids.roadmapItem}/edit`),
  "w.$slug.risks._index": inWorkspace("/risks"),
  "w.$slug.risks.new": inWorkspace("/risks/new"),
  "w.$slug.risks.$id._index": inWorkspace((s) => `/risks/${s.ids.risk}`),
  "w.$slug.risks.$id.edit": inWorkspace((s) => `/risks/${s.ids.risk}/edit`),
  "w.$slug.transcripts._index": inWorkspace("/transcripts"),
  "w.$slug.transcripts.new": inWorkspace("/transcripts/new"),
  "w.$slug.transcripts.$id._index": inWorkspace((s) => `/transcripts/${s.ids.transcript}`),
  "w.$slug.transcripts.$id.edit": inWorkspace((s) => `/transcripts/${s.ids.transcript}/edit`),
  "w.$slug.integrations.jira": inWorkspace("/integrations/jira"),
  "w.$slug.integrations.notion": inWorkspace("/integrations/notion"),
  "w.$slug.settings.members": inWorkspace("/settings/members"),
  "w.$slug.settings.integrations": inWorkspace("/settings/integrations"),
  "w.$slug.settings.workspace": inWorkspace("/settings/workspace"),
  "w.$slug.settings.activity": inWorkspace("/settings/activity"),
  "w.$slug.settings.usage": inWorkspace("/settings/usage"),
};

/** Page routes not opened here, each with the reason. */
const NOT_WALKED: Record<string, string> = {
  "auth.$provider._index": "sends the browser to the sign-in provider the person chose (Google, Microsoft) — a navigation they asked for, not a request a page makes",
  "auth.$provider.callback": "where that provider sends the browser back with a code; it redirects and shows no page",
  "w.$slug.integrations.$provider.callback": "where Slack, Atlassian or Notion send an admin back after consent; it redirects and shows no page",
  logout: "an action (POST); its page is the log-in page it redirects to",
  "dev.outbox": "development only: the e2e server answers 404",
};

/** The screens where the browser talks to the person's AI provider (PRODUCT.md §4). */
const AI_SCREENS = new Set(["settings.ai-keys", "w.$slug.ai._index"]);

/** Every route module with a page: a file of app/routes, or the route.tsx of a route folder, by its route's name. */
function pageRoutes(): string[] {
  const folder = new URL("../app/routes/", import.meta.url);
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) return existsSync(new URL(`${entry.name}/route.tsx`, folder)) ? [{ route: entry.name, file: `${entry.name}/route.tsx` }] : [];
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [{ route: entry.name.replace(/\.tsx?$/, ""), file: entry.name }] : [];
    })
    .filter(({ file }) => /^export default /m.test(readFileSync(new URL(file, folder), "utf8")))
    .map(({ route }) => route)
    .sort();
}

test("privacy promise 5: the walk below covers every page of the app", () => {
  const listed = new Set([...Object.keys(PAGES), ...Object.keys(NOT_WALKED)]);
  const routes = pageRoutes();
  expect(routes.filter((route) => !listed.has(route)), "pages missing from PAGES in e2e/privacy-promise-5.spec.ts").toEqual([]);
  expect([...listed].filter((route) => !routes.includes(route)), "entries for pages that no longer exist").toEqual([]);
});

test("privacy promise 5: over every page, no request leaves the browser for a host other than our origin and the configured AI provider", async ({
  page,
  context,
  browser,
  baseURL,
  db,
  createUser,
  login,
  llm,
}) => {
  test.setTimeout(180_000);
  const user = await createUser({ name: "Walter Walk" });
  const workspace = await insertWorkspace(db, user.id, "Every Page");
  await seedProductData(db, workspace.id, user.id);
  const seeded = await seed(db, workspace, user.id);

  const appOrigin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const record = (walker: Page, route: () => string) =>
    walker.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === appOrigin) return;
      if (new URL(url).origin === llm.url && AI_SCREENS.has(route())) return;
      elsewhere.push(`${route()}: ${request.method()} ${url}`);
    });

  let current = "";
  const anonymous = await browser.newContext();
  const visitorPage = await anonymous.newPage();
  record(visitorPage, () => current);
  record(page, () => current);
  // Every page also has to come alive in the browser: a script error would leave it dead or on an error page.
  const scriptErrors: string[] = [];
  for (const walker of [visitorPage, page]) {
    walker.on("pageerror", (error) => scriptErrors.push(`${current}: ${error.message}`));
    walker.on("console", (message) => {
      // A page answering 4xx on purpose (an expired link) is logged as a failed load: its status is checked below.
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) scriptErrors.push(`${current}: ${message.text()}`);
    });
  }

  const visited: string[] = [];
  const open = async (walker: Page, route: string, url: string) => {
    current = route;
    const response = await walker.goto(url, { waitUntil: "networkidle" });
    expect(response?.status(), `${route} (${url})`).toBeLessThan(500);
    visited.push(route);
  };

  for (const [route, walk] of Object.entries(PAGES).filter(([, walk]) => walk.as === "visitor")) await open(visitorPage, route, walk.url(seeded));
  expect(await anonymous.cookies()).toEqual([]);
  await anonymous.close();

  await login(user);
  current = "settings.ai-keys";
  await addProviderKey(page, llm, { key: uniqueKey() });
  for (const [route, walk] of Object.entries(PAGES).filter(([, walk]) => walk.as === "member")) await open(page, route, walk.url(seeded));

  expect(visited.sort()).toEqual(Object.keys(PAGES).sort());
  // The recorder saw the provider when the key was tested: it would see any other host too.
  expect(llm.requests.length).toBeGreaterThan(0);
  expect(elsewhere).toEqual([]);
  expect(scriptErrors).toEqual([]);
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(["bearing_session"]);
});

async function seed(db: Parameters<typeof seedProductData>[0], workspace: { id: string; slug: string }, userId: string): Promise<Seeded> {
  const first = async (table: "competitors" | "initiatives" | "personas" | "risks" | "roadmap_items" | "transcripts") =>
    (await db.selectFrom(table).select("id").where("workspace_id", "=", workspace.id).orderBy("created_at").executeTakeFirstOrThrow()).id;
  const shareToken = generateToken();
  await db.insertInto("roadmap_shares").values({ workspace_id: workspace.id, token_hash: hashToken(shareToken), created_by: userId }).execute();
  const invitationToken = generateToken();
  await db
    .insertInto("invitations")
    .values({ workspace_id: workspace.id, email: `invitee-${Date.now()}@example.com`, role: "editor", token_hash: hashToken(invitationToken), invited_by: userId, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  return {
    slug: workspace.slug,
    shareToken,
    invitationToken,
    ids: {
      competitor: await first("competitors"),
      initiative: await first("initiatives"),
      persona: await first("personas"),
      risk: await first("risks"),
      roadmapItem: await first("roadmap_items"),
      transcript: await first("transcripts"),
    },
  };
}
