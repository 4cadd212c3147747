import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { createWorkspaceAs, fieldErrors, logIn, signedInUser, signUp, visibleText, type Browser } from "../../server/testing";

const env = setUpTestApp();
let owner: Browser;

beforeAll(async () => {
  owner = await signedInUser(env.app, { name: "Frances Allen", email: "frances@example.com", password: "optimising compilers 2006 turing" });
});
describe("workspaces", () => {
  it("sends a verified user without a workspace to create one, then into it", async () => {
    const home = await owner.request("/");
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/w/new");
    expect(visibleText(await (await owner.request("/w/new")).text())).toContain("Create your first workspace");
  });

  it("creates a workspace under an address derived from its name, owned by its creator", async () => {
    const slug = await createWorkspaceAs(owner, "Acme Checkout");
    expect(slug).toBe("acme-checkout");
    const dashboard = await owner.request(`/w/${slug}`);
    expect(dashboard.status).toBe(200);
    expect(visibleText(await dashboard.text())).toContain("What is happening in Acme Checkout.");
    const row = await env.db
      .selectFrom("memberships")
      .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
      .select(["memberships.role"])
      .where("workspaces.slug", "=", slug)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe("owner");
  });

  it("gives a second workspace with the same name a unique address ending in -2", async () => {
    expect(await createWorkspaceAs(owner, "Acme Checkout")).toBe("acme-checkout-2");
    expect(await createWorkspaceAs(owner, "Acme  checkout!")).toBe("acme-checkout-3");
  });

  it("keeps addresses that name pages out of reach of workspace names", async () => {
    expect(await createWorkspaceAs(owner, "New")).not.toBe("new");
  });

  it("lists every workspace of the user in the switcher, and remembers the last one opened", async () => {
    const page = await (await owner.request("/w/acme-checkout")).text();
    for (const slug of ["acme-checkout", "acme-checkout-2", "acme-checkout-3"]) expect(page).toContain(`href="/w/${slug}"`);

    expect((await owner.request("/w/acme-checkout-2")).status).toBe(200);
    expect((await owner.request("/")).headers.get("location")).toBe("/w/acme-checkout-2");
    expect((await owner.request("/w/acme-checkout")).status).toBe(200);
    expect((await owner.request("/")).headers.get("location")).toBe("/w/acme-checkout");
  });

  it("refuses a name that is too short, with the field message", async () => {
    const response = await owner.postForm("/w/new", { name: "A" });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "name")).toEqual(["Use at least 2 characters."]);
  });

  it("renames a workspace and changes its address from the workspace settings", async () => {
    const slug = await createWorkspaceAs(owner, "Old Name");
    const response = await owner.postForm(`/w/${slug}/settings/workspace`, { name: "Fresh Name", slug: "fresh-name" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/w/fresh-name/settings/workspace");
    expect((await owner.request(`/w/${slug}`)).status).toBe(404);

    const taken = await owner.postForm("/w/fresh-name/settings/workspace", { name: "Fresh Name", slug: "acme-checkout" });
    expect(taken.status).toBe(409);
    expect(fieldErrors(await taken.text(), "slug")).toEqual(["Another workspace already uses that address. Choose another."]);
  });

  it("asks an unverified user to confirm the email before creating a workspace", async () => {
    const browser = env.app.newBrowser();
    const user = { name: "Not Yet", email: "not-yet@example.com", password: "pending confirmation 2024 ok" };
    expect((await signUp(browser, user)).status).toBe(302);
    expect((await logIn(browser, user)).status).toBe(302);
    const response = await browser.postForm("/w/new", { name: "Too Early" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/verify-email");
    expect(await env.db.selectFrom("workspaces").select("id").where("name", "=", "Too Early").execute()).toEqual([]);
  });
});
