import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../components/dates";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { enqueueJob, findJob } from "../../services/jobs/jobs.server";
import { startJobQueue } from "../../services/jobs/queue.server";
import { TEST_JOB_HANDLERS, TITLE_IMPORT } from "../../services/jobs/testing-jobs.server";
import { createLogger } from "../../services/logger.server";
import { createConnection, createVaultWorkspace } from "../../services/token-vault/testing";
import { enqueueJiraStatusSyncs } from "../integrations/jira/jira-jobs.server";
import { createShare } from "../roadmap/shares.server";
import { createInvitation } from "./invitations.server";
import { purgeDeletedWorkspaces, WORKSPACE_RESTORE_DAYS } from "./workspace-deletion.server";

const env = setUpTestApp();
const DAY_MS = 24 * 60 * 60 * 1000;

async function workspaceWithData(name: string) {
  const team = await seedWorkspace(env.app, env.db, name);
  const risk = await env.db
    .insertInto("risks")
    .values({ workspace_id: team.id, title: "Card scheme fees rise", likelihood: 3, impact: 4, created_by: team.owner.id, updated_by: team.owner.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { token } = await createShare(env.db, team.id, team.owner.id, []);
  return { team, riskId: risk.id, shareToken: token };
}

const deleteAs = (team: SeededWorkspace, role: "owner" | "admin", confirmName: string) =>
  team[role].browser.postForm(`/w/${team.slug}/settings/workspace`, { intent: "delete-workspace", confirmName });

describe("deleting a workspace", () => {
  it("hides it from every member and its share link at once, and its owner can restore it unchanged", async () => {
    const { team, riskId, shareToken } = await workspaceWithData("Northwind Payments");
    const before = await env.db.selectFrom("risks").selectAll().where("workspace_id", "=", team.id).execute();

    const deleted = await deleteAs(team, "owner", "Northwind Payments");
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe(`/?deleted=${team.id}`);

    for (const role of ["owner", "admin", "editor", "viewer"] as const) {
      for (const path of ["", "/risks", `/risks/${riskId}`, "/settings/workspace", "/export.json"]) {
        expect((await team[role].browser.request(`/w/${team.slug}${path}`)).status, `${role} ${path}`).toBe(404);
      }
    }
    expect((await env.app.request(`/share/${shareToken}`)).status).toBe(404);

    const homeHtml = await (await team.owner.browser.request(`/?deleted=${team.id}`)).text();
    expect(homeHtml).not.toContain(`href="/w/${team.slug}"`);
    const home = visibleText(homeHtml);
    const { deleted_at } = await env.db.selectFrom("workspaces").select("deleted_at").where("id", "=", team.id).executeTakeFirstOrThrow();
    const purgeDate = formatDate(deleted_at!.getTime() + WORKSPACE_RESTORE_DAYS * DAY_MS);
    expect(home).toContain(`Northwind Payments was deleted. You can restore it until ${purgeDate}`);
    expect(home).toContain("Deleted workspaces");
    expect(home).toContain(`Purged on ${purgeDate}`);
    // Nobody else sees it to restore: the admin goes on to the workspace list as before.
    expect((await team.admin.browser.request("/")).headers.get("location")).toBe("/w/new");

    const restored = await team.owner.browser.postForm("/?index", { intent: "restore-workspace", workspaceId: team.id });
    expect(restored.status).toBe(302);
    expect(restored.headers.get("location")).toBe(`/w/${team.slug}`);
    for (const role of ["owner", "admin", "editor", "viewer"] as const) {
      expect((await team[role].browser.request(`/w/${team.slug}/risks/${riskId}`)).status).toBe(200);
    }
    expect((await env.app.request(`/share/${shareToken}`)).status).toBe(200);
    expect(await env.db.selectFrom("risks").selectAll().where("workspace_id", "=", team.id).execute()).toEqual(before);
    const activity = await env.db.selectFrom("activity_events").select(["action", "actor_id"]).where("workspace_id", "=", team.id).where("entity_type", "=", "workspace").orderBy("id").execute();
    expect(activity).toEqual([
      { action: "deleted", actor_id: team.owner.id },
      { action: "restored", actor_id: team.owner.id },
    ]);
  });

  it("asks for the exact workspace name, keeping what was typed, and deletes nothing otherwise", async () => {
    const { team } = await workspaceWithData("Acme Checkout");
    const response = await deleteAs(team, "owner", "Acme");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "confirmName")).toEqual(["That is not this workspace’s name. Type it exactly as shown above."]);
    expect(html).toContain('value="Acme"');
    expect((await team.owner.browser.request(`/w/${team.slug}`)).status).toBe(200);
  });

  it("is for owners only: others cannot delete it, and nobody else can restore it", async () => {
    const { team } = await workspaceWithData("Globex Billing");
    expect((await deleteAs(team, "admin", "Globex Billing")).status).toBe(403);
    expect(visibleText(await (await team.admin.browser.request(`/w/${team.slug}/settings/workspace`)).text())).not.toContain("Delete workspace");
    expect((await team.owner.browser.request(`/w/${team.slug}`)).status).toBe(200);

    expect((await deleteAs(team, "owner", "Globex Billing")).status).toBe(302);
    const stranger = await seedWorkspace(env.app, env.db, "Elsewhere");
    for (const browser of [team.admin.browser, stranger.owner.browser]) {
      expect((await browser.postForm("/?index", { intent: "restore-workspace", workspaceId: team.id })).status).toBe(404);
    }
    expect((await team.owner.browser.request(`/w/${team.slug}`)).status).toBe(404);
  });

  it("refuses an invitation to a deleted workspace", async () => {
    const { team } = await workspaceWithData("Initech Ledger");
    const invitee = await seedWorkspace(env.app, env.db, "Invitee Home");
    const token = await createInvitation(env.db, team.id, { email: invitee.viewer.email, role: "editor", invitedBy: team.owner.id });
    expect((await deleteAs(team, "owner", "Initech Ledger")).status).toBe(302);
    expect(visibleText(await (await invitee.viewer.browser.request(`/invitations/${token}`)).text())).toContain("This invitation is no longer valid");
    expect((await invitee.viewer.browser.postForm(`/invitations/${token}`, {})).status).toBe(410);
    const joined = await env.db.selectFrom("memberships").select("user_id").where("workspace_id", "=", team.id).where("user_id", "=", invitee.viewer.id).execute();
    expect(joined).toEqual([]);
  });

  it("leaves a deleted workspace out of the scheduled Jira status syncs", async () => {
    const live = await createVaultWorkspace(env.db, "Jira Live");
    const gone = await createVaultWorkspace(env.db, "Jira Gone");
    for (const workspaceId of [live, gone]) {
      const connectionId = await createConnection(env.db, workspaceId, "jira");
      await env.db.updateTable("integration_connections").set({ settings: JSON.stringify({ cloudId: "site-1" }) }).where("id", "=", connectionId).execute();
    }
    await env.db.updateTable("workspaces").set({ deleted_at: new Date() }).where("id", "=", gone).execute();
    const logger = createLogger("error", { write: () => undefined });
    const queue = await startJobQueue({ databaseUrl: env.database.url, db: env.db, logger });
    try {
      expect(await enqueueJiraStatusSyncs(env.db, queue)).toBe(1);
      const queued = await env.db.selectFrom("integration_jobs").select("workspace_id").where("workspace_id", "in", [live, gone]).execute();
      expect(queued).toEqual([{ workspace_id: live }]);
    } finally {
      await queue.stop();
    }
  });
});

describe("a job queued before its workspace was deleted", () => {
  it("runs nothing and shows as cancelled", async () => {
    const workspaceId = await createVaultWorkspace(env.db, "Jobs Gone");
    const logger = createLogger("error", { write: () => undefined });
    const enqueuer = await startJobQueue({ databaseUrl: env.database.url, db: env.db, logger });
    const { id } = await enqueueJob(env.db, enqueuer, { workspaceId, kind: TITLE_IMPORT, input: { count: 2 }, createdBy: null });
    await enqueuer.stop();
    await env.db.updateTable("workspaces").set({ deleted_at: new Date() }).where("id", "=", workspaceId).execute();

    const worker = await startJobQueue({ databaseUrl: env.database.url, db: env.db, logger, config: env.app.config, handlers: TEST_JOB_HANDLERS, pollingIntervalSeconds: 1 });
    try {
      let job = await findJob(env.db, workspaceId, id);
      while (job?.status === "queued" || job?.status === "running") {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await findJob(env.db, workspaceId, id);
      }
      expect(job).toMatchObject({ status: "cancelled", lastError: "The workspace was deleted." });
      expect(await env.db.selectFrom("initiatives").select("id").where("workspace_id", "=", workspaceId).execute()).toEqual([]);
    } finally {
      await worker.stop();
    }
  });
});

describe("purgeDeletedWorkspaces", () => {
  it("hard-deletes workspaces deleted more than 30 days ago with everything in them, and nothing else", async () => {
    const old = await workspaceWithData("Old Deleted");
    const recent = await workspaceWithData("Recently Deleted");
    const live = await workspaceWithData("Still Here");
    const vaulted = await createVaultWorkspace(env.db, "Vaulted Deleted");
    const now = new Date();
    const longAgo = new Date(now.getTime() - (WORKSPACE_RESTORE_DAYS + 1) * DAY_MS);
    await env.db.updateTable("workspaces").set({ deleted_at: longAgo }).where("id", "in", [old.team.id, vaulted]).execute();
    await env.db.updateTable("workspaces").set({ deleted_at: new Date(now.getTime() - DAY_MS) }).where("id", "=", recent.team.id).execute();

    expect(await purgeDeletedWorkspaces(env.db, now)).toBe(2);
    const left = await env.db.selectFrom("workspaces").select("id").where("id", "in", [old.team.id, vaulted, recent.team.id, live.team.id]).execute();
    expect(left.map((w) => w.id).sort()).toEqual([recent.team.id, live.team.id].sort());
    for (const table of ["risks", "roadmap_shares", "memberships", "activity_events", "workspace_keys"]) {
      const rows = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where workspace_id in (${old.team.id}, ${vaulted})`.execute(env.db);
      expect(rows.rows[0]?.n, table).toBe(0);
    }
    // The people stay: only their membership of the purged workspace went.
    expect(await env.db.selectFrom("users").select("id").where("id", "=", old.team.owner.id).execute()).toHaveLength(1);
  });

  it("can rely on the database: every foreign key to workspaces cascades (a user's last workspace is forgotten)", async () => {
    const keys = await sql<{ table: string; onDelete: string }>`
      select conrelid::regclass::text as table, confdeltype::text as "onDelete"
      from pg_constraint where contype = 'f' and confrelid = 'workspaces'::regclass`.execute(env.db);
    expect(keys.rows.length).toBeGreaterThan(10);
    const notCascading = keys.rows.filter((key) => key.onDelete !== "c");
    expect(notCascading).toEqual([{ table: "users", onDelete: "n" }]);
  });
});
