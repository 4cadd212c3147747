import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments" });

async function initiative(title: string, status: "idea" | "planned" = "idea") {
  return env.db
    .insertInto("initiatives")
    .values({ workspace_id: env.team.id, title, problem: "", description: "", status, owner_id: env.team.editor.id, reach: 300, impact: 1, confidence: 100, effort: 3 })
    .returning("id")
    .executeTakeFirstOrThrow();
}

const stored = (id: string) => env.db.selectFrom("initiatives").select(["status", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
const board = `/w/${"{slug}"}/initiatives/board`;
const boardOf = () => board.replace("{slug}", env.team.slug);

/** The titles in one column of the board, as rendered. */
function column(html: string, label: string) {
  const section = html.match(new RegExp(`<section[^>]*aria-labelledby="column-[a-z_]+"[^>]*><h2[^>]*>${label}<[\\s\\S]*?</section>`))?.[0] ?? "";
  return [...section.matchAll(/<article[\s\S]*?<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
}

describe("the initiative board", () => {
  it("shows one column per status with title, owner and score, and a Move to form on each card", async () => {
    const { id } = await initiative("Payout retries");
    const response = await env.team.editor.browser.request(boardOf());
    const html = await response.text();
    for (const label of ["Idea", "Discovery", "Planned", "In progress", "Shipped", "Parked"]) expect(html).toContain(`>${label}<`);
    expect(column(html, "Idea")).toContain("Payout retries");
    const text = visibleText(html);
    expect(text).toContain(env.team.editor.name);
    expect(text).toContain("RICE 100 = 300 × 1 × 100% ÷ 3");
    expect(html).toContain(`name="id" value="${id}"`);
    expect(html).toContain("Move to");
  });

  it("moves a card with the plain form (no JavaScript): redirect back, new column, version bumped, activity recorded", async () => {
    const { id } = await initiative("Refund automation");
    const response = await env.team.editor.browser.postForm(boardOf(), { intent: "move", id, version: "1", status: "planned" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(boardOf());
    expect(await stored(id)).toEqual({ status: "planned", version: 2 });
    const html = await (await env.team.viewer.browser.request(boardOf())).text();
    expect(column(html, "Planned")).toContain("Refund automation");
    expect(column(html, "Idea")).not.toContain("Refund automation");
    const events = await env.db.selectFrom("activity_events").select("action").where("entity_id", "=", id).execute();
    expect(events).toEqual([{ action: "updated" }]);
  });

  it("answers a drag (a fetcher post) with data rather than a redirect", async () => {
    const { id } = await initiative("Dragged card");
    // What Remix's fetcher sends with single fetch: the route's `.data` address.
    const response = await env.team.editor.browser.postForm(`${boardOf()}.data`, { intent: "move", id, version: "1", status: "shipped", via: "drag" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-remix-redirect")).toBeNull();
    expect(await stored(id)).toEqual({ status: "shipped", version: 2 });
    const stale = await env.team.admin.browser.postForm(`${boardOf()}.data`, { intent: "move", id, version: "1", status: "idea", via: "drag" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Nothing was moved");
    expect(await stored(id)).toEqual({ status: "shipped", version: 2 });
  });

  it("refuses a stale move with a conflict message and moves nothing", async () => {
    const { id } = await initiative("Contested card");
    expect((await env.team.editor.browser.postForm(boardOf(), { intent: "move", id, version: "1", status: "planned" })).status).toBe(302);
    const stale = await env.team.admin.browser.postForm(boardOf(), { intent: "move", id, version: "1", status: "parked" });
    expect(stale.status).toBe(409);
    expect(visibleText(await stale.text())).toContain("Someone else changed “Contested card” first; it is in Planned now. Nothing was moved");
    expect(await stored(id)).toEqual({ status: "planned", version: 2 });
  });

  it("refuses viewers and nonsense", async () => {
    const { id } = await initiative("Guarded card");
    expect((await env.team.viewer.browser.postForm(boardOf(), { intent: "move", id, version: "1", status: "planned" })).status).toBe(403);
    expect((await env.team.editor.browser.postForm(boardOf(), { intent: "move", id, version: "1", status: "done" })).status).toBe(400);
    expect((await env.team.editor.browser.postForm(boardOf(), { intent: "move", id: "nope", version: "1", status: "planned" })).status).toBe(404);
    expect(await stored(id)).toEqual({ status: "idea", version: 1 });
    const viewerHtml = await (await env.team.viewer.browser.request(boardOf())).text();
    expect(viewerHtml).not.toContain("Move to");
  });
});
