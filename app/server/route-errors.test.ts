import { randomUUID } from "node:crypto";
import { redirect, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { IntegrationError } from "../../integrations/types";
import { AppError } from "../services/errors.server";
import { createLogger } from "../services/logger.server";
import { answeringRouteErrors } from "./route-errors";
import { setUpTestApp } from "./test-context";
import { visibleText } from "./testing";

/**
 * Decision 020: modules throw AppError (or IntegrationError) and never a ready Response; one place around every
 * loader and action (app/server/route-errors.ts) turns what reaches it into the answer the error boundary shows.
 */
describe("errors over HTTP, against the production build", () => {
  const env = setUpTestApp({ team: "Contract Works" });
  const risks = () => `/w/${env.team.slug}/risks`;

  async function insertRisk() {
    const risk = await env.db
      .insertInto("risks")
      .values({ workspace_id: env.team.id, title: "Card scheme certification slips", likelihood: 3, impact: 4 })
      .returning("id")
      .executeTakeFirstOrThrow();
    return risk.id;
  }

  it("answers an AppError thrown by a module (the Remix build's own copy of the class) with its status, title and message", async () => {
    const response = await env.team.editor.browser.request(`${risks()}/${randomUUID()}`);
    expect(response.status).toBe(404);
    const text = visibleText(await response.text());
    expect(text).toContain("404 Not found");
    expect(text).toContain("This risk does not exist, or you do not have access to it.");
    expect(text).not.toContain("Reference:");
  });

  it("answers a malformed id from the address like an unknown one", async () => {
    const response = await env.team.editor.browser.request(`${risks()}/not-an-id`);
    expect(response.status).toBe(404);
    expect(visibleText(await response.text())).toContain("This risk does not exist, or you do not have access to it.");
  });

  it("gives a client-side navigation (single fetch) the same status and message", async () => {
    const response = await env.team.editor.browser.request(`${risks()}/${randomUUID()}.data`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("This risk does not exist, or you do not have access to it.");
  });

  it("answers an AppError that a route throws itself (a form intent it does not know) the same way", async () => {
    const id = await insertRisk();
    const response = await env.team.editor.browser.postForm(`${risks()}/${id}`, { intent: "archive" });
    expect(response.status).toBe(400);
    const text = visibleText(await response.text());
    expect(text).toContain("Unknown action");
    expect(text).toContain("This page only knows how to delete.");
  });

  it("lets any other error through: 500, with the reference under which it is logged as an error", async () => {
    await env.db.schema.alterTable("risks").renameTo("risks_away").execute();
    let response: Response;
    try {
      response = await env.team.editor.browser.request(risks());
    } finally {
      await env.db.schema.alterTable("risks_away").renameTo("risks").execute();
    }
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id")!;
    expect(visibleText(await response.text())).toContain(`Something went wrong An unexpected error happened on our side. Try again; if it keeps happening, tell us. Reference: ${requestId}`);
    const logged = env.app.logs.map((line) => JSON.parse(line) as { requestId?: string; level: number; msg: string; err?: { message: string } });
    expect(logged.find((line) => line.requestId === requestId && line.msg === "request failed")).toMatchObject({ level: 50, err: { message: expect.stringContaining("risks") } });
  });
});

describe("answeringRouteErrors, around a loader", () => {
  function probeBuild(loader: () => unknown): ServerBuild {
    return { routes: { "routes/probe": { id: "routes/probe", path: "probe", module: { loader } } } } as unknown as ServerBuild;
  }

  /** What the guarded loader throws, and what it logged, for a loader that throws `error`; the build is a function, as under `remix dev`. */
  async function answerTo(error: unknown) {
    const logs: Array<{ level: number; msg: string }> = [];
    const logger = createLogger("debug", { write: (line: string) => void logs.push(JSON.parse(line)) });
    const context = { databaseUnreachable: false, logger } as unknown as AppLoadContext;
    const guarded = answeringRouteErrors(async () => probeBuild(() => Promise.reject(error))) as () => Promise<ServerBuild>;
    const loader = (await guarded()).routes["routes/probe"]!.module.loader!;
    const thrown: unknown = await Promise.resolve(loader({ request: new Request("http://bearing.test/probe"), params: {}, context } as never)).then(
      () => expect.fail("the loader should have thrown"),
      (answer: unknown) => answer,
    );
    return { thrown, logs };
  }

  it("answers a provider that limits requests with 429 under its name, and its own message", async () => {
    const limited = new IntegrationError("slack", "rate-limited", "ratelimited", "Slack is limiting requests right now. Try again in 7 seconds.", 7);
    const { thrown, logs } = await answerTo(limited);
    expect(thrown).toMatchObject({ data: { title: "Slack is limiting requests", message: "Slack is limiting requests right now. Try again in 7 seconds." }, init: { status: 429 } });
    expect(logs).toEqual([]);
  });

  it("answers any other refusal of a provider with 502, logged as a warning", async () => {
    const refused = new IntegrationError("jira", "forbidden", "forbidden", "Jira refused: the connected account lacks permission for this.");
    const { thrown, logs } = await answerTo(refused);
    expect(thrown).toMatchObject({ data: { title: "Jira said no", message: "Jira refused: the connected account lacks permission for this." }, init: { status: 502 } });
    expect(logs).toMatchObject([{ level: 40, msg: "request refused" }]);

  });

  it("answers a provider it cannot reach with 502, not as the database outage its network error code resembles", async () => {
    const { thrown } = await answerTo(new IntegrationError("jira", "unreachable", "ECONNREFUSED", "Bearing could not reach Jira. Try again in a moment."));
    expect(thrown).toMatchObject({ data: { title: "Jira did not answer", message: "Bearing could not reach Jira. Try again in a moment." }, init: { status: 502 } });
  });

  it("answers a 4xx AppError without a log line", async () => {
    const { thrown, logs } = await answerTo(new AppError(409, "Not connected", "Connect Slack first, from Settings → Integrations."));
    expect(thrown).toMatchObject({ data: { title: "Not connected", message: "Connect Slack first, from Settings → Integrations." }, init: { status: 409 } });
    expect(logs).toEqual([]);
  });

  it("lets an AppError of status 500, a redirect and a plain error through untouched", async () => {
    const ours = new AppError(500, "Stored credential unreadable", "The token of connection 1 cannot be decrypted.");
    const moved = redirect("/login");
    const bug = new TypeError("Cannot read properties of undefined");
    for (const error of [ours, moved, bug]) expect((await answerTo(error)).thrown).toBe(error);
  });

  it("guards each build that `remix dev` hands over once, and a rebuilt one anew", async () => {
    const builds = [probeBuild(() => null), probeBuild(() => null)];
    let current = builds[0]!;
    const guarded = answeringRouteErrors(async () => current) as () => Promise<ServerBuild>;
    const first = await guarded();
    expect(await guarded()).toBe(first);
    current = builds[1]!;
    expect(await guarded()).not.toBe(first);
  });
});
