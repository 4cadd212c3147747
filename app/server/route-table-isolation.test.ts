import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database";
import { setUpTestApp } from "./test-context";

/**
 * Issue 3 item 14, over the whole route table: the test reads the routes from the server build
 * itself, so a route added later is covered without anyone remembering to list it.
 * A member of workspace A who asks for workspace B's ids gets 404 and changes nothing.
 */

// Which table an `:id` after this path segment names. A new kind of `:id` route fails the test
// until it is added here, so that it gets seeded and checked.
const ID_TABLES: Record<string, string> = {
  personas: "personas",
  competitors: "competitors",
  initiatives: "initiatives",
  roadmap: "roadmap_items",
  risks: "risks",
  transcripts: "transcripts",
  vision: "vision_versions",
  shares: "roadmap_shares",
  jobs: "integration_jobs",
};

// Every workspace table, and how to find workspace B's rows in it.
const WORKSPACE_TABLES = [
  "memberships", "vision_versions", "personas", "competitors", "initiatives", "initiative_personas", "initiative_links",
  "roadmap_items", "transcripts", "risks", "activity_events", "roadmap_shares", "invitations",
  "integration_jobs",
];

// Form fields through which an action might take an id, and whose id each gets: one of workspace B's.
const ID_FIELDS: Record<string, string> = {
  id: "personas", userId: "users", ownerId: "users", owner_id: "users", invitationId: "invitations", shareId: "roadmap_shares",
  itemId: "roadmap_items", afterId: "roadmap_items", beforeId: "roadmap_items", initiativeId: "initiatives",
  initiative_id: "initiatives", personaId: "personas", persona_ids: "personas", personas: "personas", riskId: "risks",
  transcriptId: "transcripts", transcript_id: "transcripts", competitorId: "competitors", ids: "competitors", linkId: "initiative_links",
};
const INTENTS = ["delete", "remove", "revoke", "revoke-share", "revoke-invitation", "change-role", "move", "move-up", "move-down", "convert-initiative", "convert-risk", "leave", "scores", "move-to-lane", undefined];

interface RouteInfo {
  path: string;
  hasLoader: boolean;
  hasAction: boolean;
}

async function routeTable(): Promise<RouteInfo[]> {
  const file = resolve("build/index.js");
  if (!existsSync(file)) throw new Error("No server build: run `npm run build` first.");
  const build = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ServerBuild;
  const fullPath = (id: string): string => {
    const route = build.routes[id]!;
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  return Object.values(build.routes).map((route) => ({
    path: `/${fullPath(route.id)}`,
    hasLoader: Boolean(route.module.loader),
    hasAction: Boolean(route.module.action),
  }));
}

async function seedEverything(db: Database, workspaceId: string, userId: string) {
  const ids: Record<string, string> = {};
  const insert = async (table: string, values: Record<string, unknown>) => {
    const row = await sql<{ id: string }>`insert into ${sql.table(table)} (${sql.join(Object.keys(values).map((k) => sql.id(k)))})
      values (${sql.join(Object.values(values))}) returning id`.execute(db);
    ids[table] = row.rows[0]!.id;
  };
  const w = workspaceId;
  await insert("vision_versions", { workspace_id: w, number: 1, statement: "B's vision" });
  await insert("personas", { workspace_id: w, name: "B persona" });
  await insert("competitors", { workspace_id: w, name: "B competitor" });
  await insert("initiatives", { workspace_id: w, title: "B initiative", owner_id: userId });
  await db.insertInto("initiative_personas").values({ workspace_id: w, initiative_id: ids.initiatives!, persona_id: ids.personas! }).execute();
  await insert("initiative_links", { workspace_id: w, initiative_id: ids.initiatives, provider: "github", external_id: "o/r#1", url: "https://github.com/o/r/issues/1" });
  await insert("roadmap_items", { workspace_id: w, title: "B item", lane: "now", position: "a0", initiative_id: ids.initiatives });
  await insert("transcripts", { workspace_id: w, title: "B meeting", content: "B said things" });
  await insert("risks", { workspace_id: w, title: "B risk", likelihood: 3, impact: 4, initiative_id: ids.initiatives, transcript_id: ids.transcripts });
  await insert("roadmap_shares", { workspace_id: w, token_hash: randomBytes(32), created_by: userId });
  await insert("integration_jobs", { workspace_id: w, kind: "jira.import", created_by: userId });
  await insert("invitations", { workspace_id: w, email: `invitee-${workspaceId}@example.com`, role: "viewer", token_hash: randomBytes(32), expires_at: new Date(Date.now() + 86_400_000) });
  return ids;
}

async function snapshot(db: Database, workspaceId: string): Promise<string> {
  const parts: string[] = [];
  for (const table of WORKSPACE_TABLES) {
    const rows = await sql`select to_jsonb(t) as row from ${sql.table(table)} t where workspace_id = ${workspaceId} order by 1::text`.execute(db);
    parts.push(`${table}: ${JSON.stringify(rows.rows.map((r) => JSON.stringify(r)).sort())}`);
  }
  const workspace = await sql`select to_jsonb(w) as row from workspaces w where id = ${workspaceId}`.execute(db);
  return [...parts, JSON.stringify(workspace.rows)].join("\n");
}

describe("tenant isolation over the whole route table", () => {
  const env = setUpTestApp({ a: "Workspace A", b: "Workspace B" });
  let aIds: Record<string, string>;
  let bIds: Record<string, string>;
  let routes: RouteInfo[];

  beforeAll(async () => {
    aIds = await seedEverything(env.db, env.a.id, env.a.owner.id);
    bIds = { ...(await seedEverything(env.db, env.b.id, env.b.owner.id)), users: env.b.editor.id };
    routes = await routeTable();
  });
  it("finds the workspace routes that take an id (sanity: the enumeration sees the product)", () => {
    const idRoutes = routes.filter((r) => r.path.includes(":id"));
    expect(idRoutes.map((r) => r.path)).toContain("/w/:slug/personas/:id");
  });

  it("answers 404 to a member of A for every loader and action given B's id, and changes nothing in B", async () => {
    const before = await snapshot(env.db, env.b.id);
    const checked: string[] = [];
    for (const route of routes.filter((r) => r.path.includes(":id"))) {
      const segments = route.path.split("/");
      const kind = segments[segments.indexOf(":id") - 1] ?? "";
      const table = ID_TABLES[kind];
      expect(table, `${route.path}: add "${kind}" to ID_TABLES`).toBeDefined();
      const url = route.path.replace(":slug", env.a.slug).replace(":id", bIds[table!]!);
      expect(route.path.replace(/:slug|:id/g, ""), `${route.path}: unexpected parameter`).not.toContain(":");
      if (route.hasLoader) {
        // The same route with A's own id works: the 404 below is the wall, not a broken page.
        const own = await env.a.owner.browser.request(route.path.replace(":slug", env.a.slug).replace(":id", aIds[table!]!));
        expect(own.status, `GET ${route.path} with A's own id`).toBeLessThan(400);
        const response = await env.a.owner.browser.request(url);
        expect(response.status, `GET ${route.path}`).toBe(404);
        checked.push(`GET ${route.path}`);
      }
      if (route.hasAction) {
        for (const intent of INTENTS) {
          const response = await env.a.owner.browser.postForm(url, { intent, version: "1", title: "hijacked", name: "hijacked" });
          expect(response.status, `POST ${route.path} intent=${intent}`).toBe(404);
        }
        checked.push(`POST ${route.path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(0);
    expect(await snapshot(env.db, env.b.id)).toBe(before);
  });

  it("changes nothing in B when every action of A's workspace is posted B's ids in its form fields", async () => {
    const before = await snapshot(env.db, env.b.id);
    const checked: string[] = [];
    const fields = Object.fromEntries(Object.entries(ID_FIELDS).map(([name, table]) => [name, bIds[table]]));
    for (const route of routes.filter((r) => r.hasAction && r.path.startsWith("/w/:slug") && !r.path.replace("/w/:slug", "").includes(":"))) {
      const url = route.path.replace(":slug", env.a.slug);
      checked.push(route.path);
      for (const intent of INTENTS) {
        await env.a.owner.browser.postForm(url, { ...fields, intent, role: "viewer", lane: "later", status: "shipped" });
      }
    }
    expect(checked).toContain("/w/:slug/settings/members");
    expect(await snapshot(env.db, env.b.id)).toBe(before);
  });
});
