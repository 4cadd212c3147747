import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../db/schema";
import { setUpTestApp } from "../../server/test-context";
import { createWorkspaceAs, linkFromEmail, signedInUser, signUp, visibleText, type Browser } from "../../server/testing";

const env = setUpTestApp();
let slug: string;
const people = {} as Record<"owner" | "admin" | "editor" | "viewer", { browser: Browser; id: string; email: string }>;

/** Invites a new person with `role`, who accepts by signing up from the emailed link. */
async function join(owner: Browser, name: string, email: string, role: Exclude<Role, "owner">) {
  const since = Date.now();
  await owner.postForm(`/w/${slug}/settings/members`, { intent: "invite", email, role });
  const { token } = await linkFromEmail(env.app, email, /invited you/, "/invitations/", since);
  const browser = env.app.newBrowser();
  const response = await signUp(browser, { name, email, password: `${name} keeps a long passphrase 90` }, { invitation: token });
  expect(response.headers.get("location")).toBe(`/w/${slug}`);
  return browser;
}

const idOf = async (email: string) =>
  (await env.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

async function roleOf(userId: string): Promise<Role | undefined> {
  const row = await env.db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select("memberships.role")
    .where("workspaces.slug", "=", slug)
    .where("memberships.user_id", "=", userId)
    .executeTakeFirst();
  return row?.role;
}

/** Posts to the members page as `who` and returns what the page then says. */
async function membersAction(who: keyof typeof people, fields: Record<string, string>) {
  const response = await people[who].browser.postForm(`/w/${slug}/settings/members`, fields);
  return { status: response.status, location: response.headers.get("location"), text: visibleText(await response.text()) };
}

const changeRole = (who: keyof typeof people, target: keyof typeof people, role: Role) =>
  membersAction(who, { intent: "change-role", userId: people[target].id, role });

beforeAll(async () => {
  const owner = await signedInUser(env.app, { name: "Barbara Liskov", email: "barbara@example.com", password: "substitution principle 1987 clu" });
  slug = await createWorkspaceAs(owner, "Abstractions");
  const joined = await Promise.all([
    join(owner, "Alan Admin", "alan@example.com", "admin"),
    join(owner, "Edith Editor", "edith@example.com", "editor"),
    join(owner, "Victor Viewer", "victor@example.com", "viewer"),
  ]);
  const entries = [
    ["owner", owner, "barbara@example.com"],
    ["admin", joined[0], "alan@example.com"],
    ["editor", joined[1], "edith@example.com"],
    ["viewer", joined[2], "victor@example.com"],
  ] as const;
  for (const [key, browser, email] of entries) people[key] = { browser, email, id: await idOf(email) };
});
const LAST_OWNER = "A workspace needs at least one owner. Make someone else an owner first.";

describe("workspace members", () => {
  it("lists every member with their role", async () => {
    const text = visibleText(await (await people.viewer.browser.request(`/w/${slug}/settings/members`)).text());
    expect(text).toContain("4 members");
    for (const name of ["Barbara Liskov", "Alan Admin", "Edith Editor", "Victor Viewer"]) expect(text).toContain(name);
  });

  it("lets an owner change a member's role", async () => {
    expect((await changeRole("owner", "editor", "admin")).text).toContain("Role changed.");
    expect(await roleOf(people.editor.id)).toBe("admin");
    expect((await changeRole("owner", "editor", "editor")).text).toContain("Role changed.");
    expect(await roleOf(people.editor.id)).toBe("editor");
  });

  it("lets an admin change the roles of editors and viewers", async () => {
    expect((await changeRole("admin", "viewer", "editor")).text).toContain("Role changed.");
    expect(await roleOf(people.viewer.id)).toBe("editor");
    expect((await changeRole("admin", "viewer", "viewer")).text).toContain("Role changed.");
    expect(await roleOf(people.viewer.id)).toBe("viewer");
  });

  it("refuses members below admin any change, with 403 and the reason", async () => {
    const attempt = await changeRole("editor", "viewer", "admin");
    expect(attempt.status).toBe(403);
    expect(attempt.text).toContain("This needs the admin role or higher; you are an editor here.");
    expect(await roleOf(people.viewer.id)).toBe("viewer");
  });

  it("does not let the last owner be demoted, with a clear message", async () => {
    const attempt = await changeRole("owner", "owner", "admin");
    expect(attempt.status).toBe(409);
    expect(attempt.text).toContain(LAST_OWNER);
    expect(await roleOf(people.owner.id)).toBe("owner");
  });

  it("does not let the last owner leave, with a clear message", async () => {
    const attempt = await membersAction("owner", { intent: "leave" });
    expect(attempt.status).toBe(409);
    expect(attempt.text).toContain(LAST_OWNER);
    expect(await roleOf(people.owner.id)).toBe("owner");
  });

  it("does not let an admin demote or remove an owner, or make anyone an owner", async () => {
    const demote = await changeRole("admin", "owner", "viewer");
    expect(demote.status).toBe(403);
    expect(demote.text).toContain("Only owners can change an owner's role or make someone an owner.");
    const promote = await changeRole("admin", "admin", "owner");
    expect(promote.text).toContain("Only owners can change an owner's role or make someone an owner.");
    const remove = await membersAction("admin", { intent: "remove", userId: people.owner.id });
    expect(remove.text).toContain("Only owners can remove an owner.");
    expect(await roleOf(people.owner.id)).toBe("owner");
    expect(await roleOf(people.admin.id)).toBe("admin");
  });

  it("removes a member, who then gets 404 for the workspace", async () => {
    const removed = await membersAction("owner", { intent: "remove", userId: people.viewer.id });
    expect(removed.text).toContain("Member removed.");
    expect(await roleOf(people.viewer.id)).toBeUndefined();
    expect((await people.viewer.browser.request(`/w/${slug}`)).status).toBe(404);
    expect(visibleText(await (await people.owner.browser.request(`/w/${slug}/settings/members`)).text())).not.toContain("Victor Viewer");
  });

  it("lets a member leave", async () => {
    const left = await membersAction("editor", { intent: "leave" });
    expect(left.status).toBe(302);
    expect(left.location).toBe("/");
    expect(await roleOf(people.editor.id)).toBeUndefined();
  });

  it("lets an owner leave once another owner exists, and then protects the new last owner", async () => {
    expect((await changeRole("owner", "admin", "owner")).text).toContain("Role changed.");
    const left = await membersAction("owner", { intent: "leave" });
    expect(left.status).toBe(302);
    expect(await roleOf(people.owner.id)).toBeUndefined();
    expect((await people.owner.browser.request(`/w/${slug}`)).status).toBe(404);

    expect((await membersAction("admin", { intent: "leave" })).text).toContain(LAST_OWNER);
    expect(await roleOf(people.admin.id)).toBe("owner");
  });
});
