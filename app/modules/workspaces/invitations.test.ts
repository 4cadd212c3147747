import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import {
  createWorkspaceAs,
  fieldErrors,
  linkFromEmail,
  logIn,
  signedInUser,
  signUp,
  visibleText,
  type Browser,
} from "../../server/testing";

const env = setUpTestApp();
let owner: Browser;
let slug: string;

beforeAll(async () => {
  owner = await signedInUser(env.app, { name: "Radia Perlman", email: "radia@example.com", password: "spanning tree 1985 algorhyme" });
  slug = await createWorkspaceAs(owner, "Network Team");
});
/** Invites `email` from the members page and returns the link that arrives by email. */
async function invite(email: string, role: "admin" | "editor" | "viewer") {
  const since = Date.now();
  const response = await owner.postForm(`/w/${slug}/settings/members`, { intent: "invite", email, role });
  expect(response.status).toBe(200);
  expect(visibleText(await response.text())).toContain(`Invitation sent to ${email}.`);
  return linkFromEmail(env.app, email, /Radia Perlman invited you to Network Team/, "/invitations/", since);
}

const roleOf = async (email: string) =>
  (
    await env.db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
      .select("memberships.role")
      .where("workspaces.slug", "=", slug)
      .where(sql`lower(users.email)`, "=", email.toLowerCase())
      .executeTakeFirst()
  )?.role;

const NO_LONGER_VALID = "This invitation is no longer valid";

describe("invitations", () => {
  it("emails a link that lasts 7 days and is stored only as a hash", async () => {
    const { email, token } = await invite("lasting@example.com", "viewer");
    expect(email.text).toContain("as a viewer");
    expect(email.text).toContain("expires in 7 days");
    const row = await env.db.selectFrom("invitations").selectAll().where("email", "=", "lasting@example.com").executeTakeFirstOrThrow();
    expect(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 60_000)).toBe(7 * 24 * 60);
    const { rows } = await sql<{ row: string }>`select i::text as row from invitations i`.execute(env.db);
    for (const { row: text } of rows) expect(text).not.toContain(token);
  });

  it("lets a new person accept by signing up from the link, with the invited role, only once", async () => {
    const { path, token } = await invite("newcomer@example.com", "editor");
    const browser = env.app.newBrowser();
    const landing = visibleText(await (await browser.request(path)).text());
    expect(landing).toContain("Join Network Team");
    expect(landing).toContain("Radia Perlman invited newcomer@example.com to join as an editor.");

    const signupPage = await browser.request(`/signup?invitation=${token}`);
    expect(signupPage.status).toBe(200);
    const signupHtml = await signupPage.text();
    expect(visibleText(signupHtml)).toContain("Join Network Team");
    expect(signupHtml).toContain(`value="newcomer@example.com"`);

    const person = { name: "New Comer", email: "newcomer@example.com", password: "first day jitters 2025 fine" };
    const joined = await signUp(browser, person, { invitation: token });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/w/${slug}`);
    expect((await browser.request(`/w/${slug}`)).status).toBe(200);
    expect(await roleOf(person.email)).toBe("editor");

    // The link proved the address: no second email is needed.
    const user = await env.db.selectFrom("users").select("email_verified_at").where("email", "=", person.email).executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeInstanceOf(Date);

    expect(visibleText(await (await env.app.newBrowser().request(path)).text())).toContain(NO_LONGER_VALID);
    const reuse = await browser.postForm(path, {});
    expect(visibleText(await reuse.text())).toContain(NO_LONGER_VALID);
    expect(await roleOf(person.email)).toBe("editor");
  });

  it("lets an existing user accept after logging in, with the invited role", async () => {
    const existing = { name: "Existing Person", email: "existing@example.com", password: "already here 1999 long ago" };
    await signedInUser(env.app, existing);
    const { path } = await invite("existing@example.com", "viewer");

    const browser = env.app.newBrowser();
    const landing = await (await browser.request(path)).text();
    const loginHref = `/login?redirectTo=${encodeURIComponent(path)}`;
    expect(landing).toContain(`href="${loginHref.replace(/&/g, "&amp;")}"`);

    const login = await logIn(browser, existing, { redirectTo: path });
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe(path);
    expect(visibleText(await (await browser.request(path)).text())).toContain("Accept invitation");

    const accept = await browser.postForm(path, {});
    expect(accept.status).toBe(302);
    expect(accept.headers.get("location")).toBe(`/w/${slug}`);
    expect(await roleOf(existing.email)).toBe("viewer");
  });

  it("refuses an invitation to a user signed in with another email, and keeps it pending", async () => {
    const { path } = await invite("intended@example.com", "admin");
    const stranger = await signedInUser(env.app, { name: "Wrong Person", email: "wrong@example.com", password: "not my invitation 4242 ok" });

    const page = visibleText(await (await stranger.request(path)).text());
    expect(page).toContain("You are signed in as wrong@example.com. This invitation is for intended@example.com");

    const attempt = await stranger.postForm(path, {});
    expect(attempt.status).toBe(410);
    expect(visibleText(await attempt.text())).toContain("was sent to another email address");
    expect(await roleOf("wrong@example.com")).toBeUndefined();
    const row = await env.db.selectFrom("invitations").select("accepted_at").where("email", "=", "intended@example.com").executeTakeFirstOrThrow();
    expect(row.accepted_at).toBeNull();
  });

  it("does not let a sign-up with another email use the invitation", async () => {
    const { token } = await invite("real-invitee@example.com", "editor");
    const browser = env.app.newBrowser();
    const person = { name: "Sneaky", email: "sneaky@example.com", password: "borrowed link 8080 nope" };
    const response = await signUp(browser, person, { invitation: token });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/verify-email?sent=1");
    expect(await roleOf(person.email)).toBeUndefined();
  });

  it("refuses an invitation past its 7 days", async () => {
    const { path } = await invite("late@example.com", "editor");
    await env.db.updateTable("invitations").set({ expires_at: new Date(Date.now() - 1000) }).where("email", "=", "late@example.com").execute();
    expect(visibleText(await (await env.app.newBrowser().request(path)).text())).toContain(NO_LONGER_VALID);

    const late = await signedInUser(env.app, { name: "Late Comer", email: "late@example.com", password: "missed the boat 1912 sadly" });
    const attempt = await late.postForm(path, {});
    expect(visibleText(await attempt.text())).toContain("has expired");
    expect(await roleOf("late@example.com")).toBeUndefined();
  });

  it("refuses to invite someone who is already a member, with the field message", async () => {
    const response = await owner.postForm(`/w/${slug}/settings/members`, { intent: "invite", email: "radia@example.com", role: "viewer" });
    expect(response.status).toBe(409);
    expect(fieldErrors(await response.text(), "email")).toEqual(["This person is already a member of the workspace."]);
  });
});
