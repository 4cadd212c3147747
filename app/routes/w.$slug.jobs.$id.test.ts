import { describe, expect, it } from "vitest";
import { setUpTestApp } from "~/server/test-context";

/** The progress resource route that <JobProgress> polls. */
describe("GET /w/:slug/jobs/:id", () => {
  const env = setUpTestApp({ a: "Workspace A", b: "Workspace B" });

  const insertJob = (workspaceId: string, values: { done: number; total: number | null; status?: "running" | "failed"; last_error?: string }) =>
    env.db
      .insertInto("integration_jobs")
      .values({ workspace_id: workspaceId, kind: "jira.import", created_by: null, ...values })
      .returning("id")
      .executeTakeFirstOrThrow();

  it("answers an admin with the job's progress as JSON", async () => {
    const { id } = await insertJob(env.a.id, { status: "running", done: 1234, total: 5000 });
    const response = await env.a.admin.browser.request(`/w/${env.a.slug}/jobs/${id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ id, kind: "jira.import", status: "running", done: 1234, total: 5000, lastError: null });
  });

  it("answers 404 for another workspace's job and for an id that is not one", async () => {
    const { id } = await insertJob(env.b.id, { status: "failed", done: 10, total: 20, last_error: "B's secret trouble" });
    const response = await env.a.owner.browser.request(`/w/${env.a.slug}/jobs/${id}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("B's secret trouble");
    expect((await env.a.owner.browser.request(`/w/${env.a.slug}/jobs/not-an-id`)).status).toBe(404);
  });

  it("shows a job to editors, who start imports, and keeps it from viewers", async () => {
    const { id } = await insertJob(env.a.id, { status: "failed", done: 0, total: null });
    expect((await env.a.editor.browser.request(`/w/${env.a.slug}/jobs/${id}`)).status).toBe(200);
    expect((await env.a.viewer.browser.request(`/w/${env.a.slug}/jobs/${id}`)).status).toBe(403);
  });
});
