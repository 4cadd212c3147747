import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { createWorkspaceAs, signedInUser, visibleText, withoutNonces, type Browser } from "../../server/testing";

const env = setUpTestApp();
let owner: Browser;
let outsider: Browser;
let ownerId: string;
let slug: string;
// As long as the real slug, so that nothing but existence could tell them apart.
let madeUp: string;

beforeAll(async () => {
  [owner, outsider] = await Promise.all([
    signedInUser(env.app, { name: "Wall Keeper", email: "keeper@example.com", password: "tenant walls 2026 granite" }),
    signedInUser(env.app, { name: "Curious Outsider", email: "outsider@example.com", password: "peeking through 1234 fences" }),
  ]);
  slug = await createWorkspaceAs(owner, "Secret Plans");
  madeUp = "zzzzzz-zzzzz".slice(0, slug.length);
  await createWorkspaceAs(outsider, "Outsider Inc");
  ownerId = (await env.db.selectFrom("users").select("id").where("email", "=", "keeper@example.com").executeTakeFirstOrThrow()).id;
});
/** Everything the workspace's rows hold, to prove that nothing changed. */
async function workspaceState() {
  const [workspaces, memberships, invitations] = await Promise.all([
    env.db.selectFrom("workspaces").select(["id", "slug", "name", "updated_at"]).orderBy("slug").execute(),
    env.db.selectFrom("memberships").select(["workspace_id", "user_id", "role", "updated_at"]).orderBy("user_id").execute(),
    env.db.selectFrom("invitations").select(["id", "email"]).execute(),
  ]);
  return { workspaces, memberships, invitations };
}

async function answerFor(path: string, form?: Record<string, string>) {
  const response = form ? await outsider.postForm(path, form) : await outsider.request(path);
  return { status: response.status, body: withoutNonces(await response.text()) };
}

const PAGES = ["", "/roadmap", "/risks", "/settings/members", "/settings/workspace", "/settings/integrations", "/settings/activity"];

describe("every /w/:slug address answers 404 to non-members, exactly as for a slug that does not exist", () => {
  it.each(PAGES)("GET /w/<slug>%s", async (page) => {
    expect((await owner.request(`/w/${slug}${page}`)).status).toBe(200);
    const real = await answerFor(`/w/${slug}${page}`);
    const fake = await answerFor(`/w/${madeUp}${page}`);
    expect(real.status).toBe(404);
    expect(visibleText(real.body)).toContain("This workspace does not exist, or you do not have access to it.");
    expect(real.body).toBe(fake.body);
  });

  const ACTIONS: Array<[string, string, (ownerId: string) => Record<string, string>]> = [
    ["invites a colleague", "/settings/members", () => ({ intent: "invite", email: "accomplice@example.com", role: "admin" })],
    ["changes the owner's role", "/settings/members", (id) => ({ intent: "change-role", userId: id, role: "viewer" })],
    ["removes the owner", "/settings/members", (id) => ({ intent: "remove", userId: id })],
    ["leaves", "/settings/members", () => ({ intent: "leave" })],
    ["renames the workspace", "/settings/workspace", () => ({ name: "Taken Over", slug: "taken-over" })],
  ];

  it.each(ACTIONS)("POST that %s answers 404 and changes nothing", async (_, page, fields) => {
    const before = await workspaceState();
    const real = await answerFor(`/w/${slug}${page}`, fields(ownerId));
    const fake = await answerFor(`/w/${madeUp}${page}`, fields(ownerId));
    expect(real.status).toBe(404);
    expect(fake.status).toBe(404);
    expect(real.body).toBe(fake.body);
    expect(await workspaceState()).toEqual(before);
  });

  it("still serves the workspace to its owner afterwards", async () => {
    const response = await owner.request(`/w/${slug}/settings/members`);
    expect(response.status).toBe(200);
    expect(visibleText(await response.text())).toContain("Wall Keeper");
  });
});
