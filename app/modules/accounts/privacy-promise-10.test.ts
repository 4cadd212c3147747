import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, signedInUser, visibleText } from "../../server/testing";
import { changesToAccept, POLICY_HISTORY, POLICY_UPDATED, POLICY_VERSION, PRIVACY_PROMISES, type PolicyVersion } from "./policies";

const env = setUpTestApp({ team: "Northwind Payments" });
const ROOT = join(import.meta.dirname, "../../..");

/** The numbers N of every test named "privacy promise N…" in the repository's unit, integration and browser tests. */
function promisesWithTests(): Set<number> {
  const files = [
    ...testFiles("app", /\.test\.tsx?$/),
    ...testFiles("db", /\.test\.ts$/),
    ...testFiles("e2e", /\.spec\.ts$/),
  ];
  const proven = new Set<number>();
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), "utf8");
    for (const match of source.matchAll(/\b(?:it|test|describe)(?:\.\w+)?\(\s*["'`]privacy promise (\d+)\b/g)) proven.add(Number(match[1]));
  }
  return proven;
}

function testFiles(folder: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => pattern.test(file) && !file.includes("node_modules"))
    .map((file) => join(folder, file));
}

const listItems = (html: string, testId: string) => {
  const list = html.match(new RegExp(`<ol[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</ol>`))?.[1] ?? "";
  return [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((item) => visibleText(item[1] ?? ""));
};

describe("privacy promise 10: the Privacy Policy states exactly these promises, with its last-updated date and version; a material change asks users to accept again", () => {
  it("the /privacy page lists exactly the promises, in order, with the current version and date", async () => {
    const response = await env.app.request("/privacy");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(listItems(html, "privacy-promises")).toEqual([...PRIVACY_PROMISES]);
    expect(visibleText(html)).toContain(`Version ${POLICY_VERSION} · Last updated ${POLICY_UPDATED}`);
    expect(POLICY_HISTORY[0]).toMatchObject({ version: POLICY_VERSION, updated: POLICY_UPDATED });

    const terms = visibleText(await (await env.app.request("/terms")).text());
    expect(terms).toContain(`Version ${POLICY_VERSION} · Last updated ${POLICY_UPDATED}`);
  });

  it("every stated promise has a test named after it, and no test proves a promise that is no longer stated", () => {
    const expected = PRIVACY_PROMISES.map((_, index) => index + 1);
    expect([...promisesWithTests()].sort((a, b) => a - b)).toEqual(expected);
  });

  it("sends a user who accepted an older version to accept the material change, records it, and returns them where they were going", async () => {
    const { owner } = env.team;
    await env.db.updateTable("users").set({ policy_version: "2025-01-01" }).where("id", "=", owner.id).execute();
    const target = `/w/${env.team.slug}/risks?status=open`;
    const acceptPath = `/policies/accept?redirectTo=${encodeURIComponent(target)}`;

    const page = await owner.browser.request(target);
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(acceptPath);
    // A client-side navigation (Remix's data request) is redirected the way Remix's client expects.
    const data = await owner.browser.request(`/w/${env.team.slug}/risks.data?status=open&_routes=routes%2Fw.%24slug.risks._index`);
    expect(data.status).toBe(202);
    expect(await data.text()).toContain(acceptPath);
    // A form posted meanwhile changes nothing and leads to the same page.
    const posted = await owner.browser.postForm(`/w/${env.team.slug}/settings/workspace`, { name: "Renamed", slug: "renamed" });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toBe(`/policies/accept?redirectTo=${encodeURIComponent(`/w/${env.team.slug}/settings/workspace`)}`);
    expect((await env.db.selectFrom("workspaces").select("name").where("id", "=", env.team.id).executeTakeFirstOrThrow()).name).toBe(env.team.name);
    // The policies, and logging out, stay open.
    for (const path of ["/privacy", "/terms", "/logout"]) expect((await owner.browser.request(path)).status, path).toBe(200);

    const ask = visibleText(await (await owner.browser.request(acceptPath)).text());
    expect(ask).toContain("Our Terms and Privacy Policy have changed");
    for (const change of POLICY_HISTORY[0].changes) expect(ask).toContain(change);

    const unticked = await owner.browser.postForm(acceptPath, { redirectTo: target });
    expect(unticked.status).toBe(400);
    expect(fieldErrors(await unticked.text(), "acceptPolicies")).toEqual(["Accept the Terms and the Privacy Policy to continue."]);
    expect((await owner.browser.request(target)).status).toBe(302);

    const accepted = await owner.browser.postForm(acceptPath, { redirectTo: target, acceptPolicies: true });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(target);
    const user = await env.db.selectFrom("users").select("policy_version").where("id", "=", owner.id).executeTakeFirstOrThrow();
    expect(user.policy_version).toBe(POLICY_VERSION);
    const recorded = await env.db.selectFrom("policy_acceptances").select("version").where("user_id", "=", owner.id).execute();
    expect(recorded.map((row) => row.version)).toContain(POLICY_VERSION);

    expect((await owner.browser.request(target)).status).toBe(200);
    expect((await owner.browser.request(acceptPath)).headers.get("location")).toBe(target);
  });

  it("does not ask someone who accepted the current version, or when only non-material changes followed", async () => {
    expect((await env.team.editor.browser.request(`/w/${env.team.slug}`)).status).toBe(200);
    const history: PolicyVersion[] = [
      { version: "v3", updated: "3 March", material: false, changes: ["Typo fixed."] },
      { version: "v2", updated: "2 February", material: true, changes: ["New processor."] },
      { version: "v1", updated: "1 January", material: true, changes: ["First."] },
    ];
    expect(changesToAccept("v3", history)).toEqual([]);
    expect(changesToAccept("v2", history)).toEqual([]);
    expect(changesToAccept("v1", history).map((entry) => entry.version)).toEqual(["v3", "v2"]);
    expect(changesToAccept("v0", history).map((entry) => entry.version)).toEqual(["v3", "v2", "v1"]);
  });

  it("records the acceptance of a new account's sign-up in the acceptance history", async () => {
    await signedInUser(env.app, { name: "Grace Hopper", email: "grace@example.com", password: "cobol compilers 1959 navy admiral" });
    const rows = await env.db
      .selectFrom("policy_acceptances")
      .innerJoin("users", "users.id", "policy_acceptances.user_id")
      .select(["policy_acceptances.version"])
      .where("users.email", "=", "grace@example.com")
      .execute();
    expect(rows).toEqual([{ version: POLICY_VERSION }]);
  });
});
