import { describe, expect, it, vi } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";

// PRODUCT.md §6 promise 5: usage data is first-party, names pages by route pattern and never people.
const env = setUpTestApp({ team: "Northwind Payments", rival: "Rival Ledger" });

async function eventsAfter(id: string) {
  return env.db.selectFrom("usage_events").selectAll().where("id", ">", id).orderBy("id").execute();
}

async function lastEventId() {
  const row = await env.db.selectFrom("usage_events").select((eb) => eb.fn.max("id").as("id")).executeTakeFirst();
  return String(row?.id ?? 0);
}

function report(body: unknown, browser = env.team.editor.browser) {
  return browser.request("/usage", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

describe("usage recording", () => {
  it("counts a document request as one page view, by route pattern, with a truncated IP and no user id", async () => {
    const since = await lastEventId();
    const response = await env.team.editor.browser.request(`/w/${env.team.slug}/risks?sort=title&token=secret`);
    expect(response.status).toBe(200);

    const events = await eventsAfter(since);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "page_view", name: "/w/:slug/risks", origin: "server", workspace_id: env.team.id, ip_prefix: "127.0.0.0", trace_id: null });
    expect(Object.keys(events[0]!).filter((column) => /user|actor|email|session/.test(column))).toEqual([]);
    expect(JSON.stringify(events[0])).not.toContain(env.team.slug);
  });

  it("counts a navigation the browser reports, and credits the workspace only to its members", async () => {
    const since = await lastEventId();
    const navigation = { kind: "page_view", routeId: "routes/w.$slug.transcripts.$id._index", slug: env.team.slug };
    expect((await report(navigation)).status).toBe(204);
    expect((await report(navigation, env.rival.owner.browser)).status).toBe(204);
    expect((await report({ kind: "page_view", routeId: "routes/login" }, env.app.newBrowser())).status).toBe(204);

    const events = await eventsAfter(since);
    expect(events.map(({ name, origin, workspace_id, ip_prefix }) => ({ name, origin, workspace_id, ip_prefix }))).toEqual([
      { name: "/w/:slug/transcripts/:id", origin: "browser", workspace_id: env.team.id, ip_prefix: "127.0.0.0" },
      { name: "/w/:slug/transcripts/:id", origin: "browser", workspace_id: null, ip_prefix: "127.0.0.0" },
      { name: "/login", origin: "browser", workspace_id: null, ip_prefix: "127.0.0.0" },
    ]);
  });

  it("counts a feature each time an ordinary action records activity, and an AI agent run by name only", async () => {
    const since = await lastEventId();
    const created = await env.team.editor.browser.postForm(`/w/${env.team.slug}/risks/new`, {
      title: "Card network changes its payout API",
      description: "",
      category: "technical",
      likelihood: "4",
      impact: "5",
      status: "open",
      owner_id: "",
      mitigation: "",
      due_date: "",
      initiative_id: "",
    });
    expect(created.status).toBe(302);
    expect((await report({ kind: "feature", name: "ai.risk-analyst", slug: env.team.slug })).status).toBe(204);

    const features = (await eventsAfter(since)).filter((event) => event.kind === "feature");
    expect(features.map(({ name, origin, workspace_id }) => ({ name, origin, workspace_id }))).toEqual([
      { name: "risk.created", origin: "server", workspace_id: env.team.id },
      { name: "ai.risk-analyst", origin: "browser", workspace_id: env.team.id },
    ]);
  });

  it("stores a server error under the X-Request-Id the response carried, and the error page shows it", async () => {
    const since = await lastEventId();
    await env.db.schema.alterTable("risks").renameTo("risks_away").execute();
    let response: Response;
    try {
      response = await env.team.editor.browser.request(`/w/${env.team.slug}/risks`);
    } finally {
      await env.db.schema.alterTable("risks_away").renameTo("risks").execute();
    }
    expect(response.status).toBe(500);
    const traceId = response.headers.get("x-request-id");
    expect(traceId).toMatch(/^[\w-]{8,64}$/);
    expect(visibleText(await response.text())).toContain(`Reference: ${traceId}`);

    await vi.waitFor(async () => {
      const errors = (await eventsAfter(since)).filter((event) => event.kind === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ name: "/w/:slug/risks", origin: "server", trace_id: traceId, workspace_id: env.team.id, ip_prefix: "127.0.0.0" });
      expect(errors[0]!.message).toMatch(/risks/);
      expect(errors[0]!.message).not.toContain("\n");
    });
  });

  it("does not count a page that was not found, or an address no route answers, as an error or a page view", async () => {
    const since = await lastEventId();
    const missing = await env.rival.owner.browser.request(`/w/${env.team.slug}/risks`);
    expect(missing.status).toBe(404);
    expect(visibleText(await missing.text())).not.toContain("Reference:");
    const nowhere = await env.team.owner.browser.request("/favicon.ico");
    expect(nowhere.status).toBe(404);
    expect(await eventsAfter(since)).toEqual([]);
  });

  it("stores a browser error's first line and route pattern", async () => {
    const since = await lastEventId();
    const message = "TypeError: Cannot read properties of undefined (reading 'title')\n    at RiskCard (risk-card.tsx:12:7)";
    expect((await report({ kind: "error", routeId: "routes/w.$slug.risks.$id._index", slug: env.team.slug, message })).status).toBe(204);

    const [error] = await eventsAfter(since);
    expect(error).toMatchObject({
      kind: "error",
      origin: "browser",
      name: "/w/:slug/risks/:id",
      message: "TypeError: Cannot read properties of undefined (reading 'title')",
      workspace_id: env.team.id,
      trace_id: null,
    });
  });

  it("refuses what is not a usage report, and stores nothing", async () => {
    const since = await lastEventId();
    const refusals = [
      ["not JSON", "page_view /w/x"],
      ["an unknown kind", { kind: "click", routeId: "routes/login" }],
      ["an unknown feature", { kind: "feature", name: "ai.mind-reader" }],
      ["an activity feature from the browser", { kind: "feature", name: "risk.created" }],
      ["an address instead of a route id", { kind: "page_view", routeId: "/w/acme/risks/42?token=abc" }],
      // Shaped like a route id, but no such route: it would write whatever text it carries as a page name.
      ["a route the app does not have", { kind: "page_view", routeId: "routes/w.$slug.payroll-of-jane-doe", slug: env.team.slug }],
      ["an error on a route the app does not have", { kind: "error", routeId: "routes/jane-doe-was-here", message: "TypeError" }],
      ["an extra field", { kind: "page_view", routeId: "routes/login", userId: "someone" }],
      ["an error without a message", { kind: "error", routeId: "routes/login", message: "  " }],
    ] as const;
    for (const [what, body] of refusals) {
      const response = await env.team.editor.browser.request("/usage", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
      expect(response.status, what).toBe(400);
    }
    const oversized = await report({ kind: "error", routeId: "routes/login", message: "x".repeat(5000) });
    expect(oversized.status).toBe(413);
    expect((await env.team.editor.browser.request("/usage")).status).toBe(405);
    const fromElsewhere = await env.app.newBrowser().request("/usage", { method: "POST", headers: { origin: "https://tracker.example" }, body: JSON.stringify({ kind: "page_view", routeId: "routes/login" }) });
    expect(fromElsewhere.status).toBe(403);

    expect(await eventsAfter(since)).toEqual([]);
  });
});
