import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText } from "../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../server/testing-workspace";
import { ConflictError } from "../../services/versioning.server";
import { saveVision } from "./vision.server";

const env = setUpTestApp();

const FIRST = {
  statement: "Every finance team closes its books on time, without spreadsheets.",
  mission: "We automate reconciliation for mid-market finance teams.",
  target_customers: "Finance leads at companies with 50 to 500 people.",
  principles: "Speed over features: a slow close is the pain we exist for.\nExplain every number",
  north_star_metric: "Teams that close within three days",
};

// The vision is one per workspace, so each test starts from a workspace of its own.
const newTeam = (name = "Northwind Payments") => seedWorkspace(env.app, env.db, name);

async function save(team: SeededWorkspace, basedOn: number, fields: Partial<typeof FIRST> = {}, who = team.editor) {
  return who.browser.postForm(`/w/${team.slug}/vision/edit`, { ...FIRST, ...fields, version: String(basedOn) });
}

async function page(team: SeededWorkspace, path: string) {
  const response = await team.viewer.browser.request(`/w/${team.slug}/vision${path}`);
  return { status: response.status, html: await response.clone().text(), text: visibleText(await response.text()) };
}

function versionsOf(workspaceId: string) {
  return env.db
    .selectFrom("vision_versions")
    .select(["number", "statement", "mission", "created_by"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("number")
    .execute();
}

describe("vision", () => {
  it("shows an empty state before the first save, to viewers without an edit button", async () => {
    const team = await newTeam();
    const { status, text } = await page(team, "");
    expect(status).toBe(200);
    expect(text).toContain("No vision yet");
    expect(text).not.toContain("Write the vision");
    const editorView = visibleText(await (await team.editor.browser.request(`/w/${team.slug}/vision`)).text());
    expect(editorView).toContain("Write the vision");
    expect((await page(team, "/history")).text).toContain("No versions yet");
  });

  it("an editor writes the vision, everyone reads it, and the activity log records it", async () => {
    const team = await newTeam();
    const response = await save(team, 0);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${team.slug}/vision`);
    const { text } = await page(team, "");
    expect(text).toContain(FIRST.statement);
    expect(text).toContain("Teams that close within three days");
    expect(text).toContain("Speed over features:");
    expect(text).toContain(`Version 1, saved by ${team.editor.name}`);
    expect(await versionsOf(team.id)).toEqual([expect.objectContaining({ number: 1, statement: FIRST.statement, created_by: team.editor.id })]);
    const event = await env.db.selectFrom("activity_events").selectAll().where("workspace_id", "=", team.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "vision", entity_title: "Vision, version 1", actor_id: team.editor.id });
  });

  it("every save inserts a new version and leaves the earlier ones untouched", async () => {
    const team = await newTeam();
    await save(team, 0);
    expect((await save(team, 1, { mission: "We make month end boring." }, team.admin)).status).toBe(302);
    expect((await save(team, 2, { mission: "We make month end boring, for every team." }, team.owner)).status).toBe(302);
    expect(await versionsOf(team.id)).toEqual([
      expect.objectContaining({ number: 1, mission: FIRST.mission, created_by: team.editor.id }),
      expect.objectContaining({ number: 2, mission: "We make month end boring.", created_by: team.admin.id }),
      expect.objectContaining({ number: 3, mission: "We make month end boring, for every team.", created_by: team.owner.id }),
    ]);
    expect((await page(team, "")).text).toContain("Version 3");
    const actions = await env.db.selectFrom("activity_events").select("action").where("workspace_id", "=", team.id).orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["created", "updated", "updated"]);
  });

  it("refuses a vision without a statement, with a field error and what was typed kept", async () => {
    const team = await newTeam();
    const response = await save(team, 0, { statement: "   " });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "statement")).toEqual(["Write the vision statement."]);
    expect(html).toContain(FIRST.mission);
    expect(await versionsOf(team.id)).toEqual([]);
  });

  it("a viewer can neither open the editor nor save", async () => {
    const team = await newTeam();
    expect((await team.viewer.browser.request(`/w/${team.slug}/vision/edit`)).status).toBe(403);
    expect((await save(team, 0, {}, team.viewer)).status).toBe(403);
    expect(await versionsOf(team.id)).toEqual([]);
  });

  it("a save based on an older version is a conflict: both texts shown, nothing written", async () => {
    const team = await newTeam();
    await save(team, 0);
    expect((await save(team, 1, { mission: "Mission written by the admin" }, team.admin)).status).toBe(302);
    const stale = await save(team, 1, { mission: "Mission written by the editor" });
    expect(stale.status).toBe(409);
    const text = visibleText(await stale.text());
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("Mission written by the admin");
    expect(text).toContain("Mission written by the editor");
    expect((await versionsOf(team.id)).map((v) => v.mission)).toEqual([FIRST.mission, "Mission written by the admin"]);
    // "Save mine over theirs" resends the editor's text against the stored number, on purpose.
    expect((await save(team, 2, { mission: "Mission written by the editor" })).status).toBe(302);
    expect((await versionsOf(team.id)).map((v) => v.number)).toEqual([1, 2, 3]);
  });

  it("two saves racing from the same version: one wins, the other gets the conflict, never a server error", async () => {
    const team = await newTeam();
    await save(team, 0);
    const answers = await Promise.all([
      save(team, 1, { mission: "The editor's mission" }),
      save(team, 1, { mission: "The admin's mission" }, team.admin),
      save(team, 1, { mission: "The owner's mission" }, team.owner),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409, 409]);
    expect((await versionsOf(team.id)).map((v) => v.number)).toEqual([1, 2]);
  });

  it("an insert that loses the race on the unique version number becomes a conflict", async () => {
    const team = await newTeam();
    await saveVision(env.db, team.id, team.editor.id, 0, FIRST);
    // Someone else's save of version 2, not yet committed: our save cannot see it and reaches the insert.
    const other = await env.db.startTransaction().execute();
    await other
      .insertInto("vision_versions")
      .values({ ...FIRST, mission: "The winner", workspace_id: team.id, number: 2, created_by: team.admin.id })
      .execute();
    const ours = saveVision(env.db, team.id, team.editor.id, 1, { ...FIRST, mission: "The loser" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await other.commit().execute();
    const error = await ours.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ mission: string }>).current.mission).toBe("The winner");
    expect((await versionsOf(team.id)).map((v) => v.mission)).toEqual([FIRST.mission, "The winner"]);
  });

  it("history lists every version with who saved it, and diffs any two versions word by word", async () => {
    const team = await newTeam();
    await save(team, 0);
    const statement = "Every finance team closes its books in three days, without spreadsheets.";
    await save(team, 1, { statement }, team.admin);
    await save(team, 2, { statement, north_star_metric: "Teams that close within two days" }, team.owner);

    const history = await page(team, "/history");
    expect(history.status).toBe(200);
    expect(history.text).toContain("3 versions");
    for (const who of [team.editor, team.admin, team.owner]) expect(history.text).toContain(who.name);
    // By default, what the last save changed.
    expect(history.text).toContain("Changes from version 2 to version 3");
    expect(history.html).toMatch(/<del[^>]*>.*?three.*?<\/del>/);
    expect(history.html).toMatch(/<ins[^>]*>.*?two.*?<\/ins>/);

    const oneToThree = await page(team, "/history?from=1&to=3");
    expect(oneToThree.text).toContain("Changes from version 1 to version 3");
    const statementDiff = oneToThree.html.match(/id="diff-statement"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(visibleText(statementDiff)).toContain("Changed");
    expect(statementDiff).toMatch(/<del[^>]*><span class="sr-only">\[removed: <\/span>on time/);
    expect(statementDiff).toMatch(/<ins[^>]*><span class="sr-only">\[added: <\/span>in three days/);
    const mission = oneToThree.html.match(/id="diff-mission"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(visibleText(mission)).toContain("Unchanged");
    expect(mission).not.toMatch(/<(ins|del)\b/);
    // The selects remember the chosen pair, so the form works without JavaScript.
    expect(oneToThree.html).toMatch(/<option value="1" selected/);

    const backwards = await page(team, "/history?from=3&to=1");
    expect(backwards.text).toContain("Changes from version 3 to version 1");
    expect((await page(team, "/history?from=2&to=2")).text).toContain("Choose two different versions");
  });

  it("answers 404 for a version that does not exist in this workspace", async () => {
    const team = await newTeam();
    const other = await newTeam("Contoso Ledger");
    await save(team, 0);
    await save(other, 0, { statement: "Contoso's secret vision" });
    await save(other, 1, { statement: "Contoso's second secret vision" });
    expect((await page(team, "/history?from=1&to=2")).status).toBe(404);
    expect((await page(team, "/history?from=abc&to=1")).status).toBe(404);
    const second = await page(team, "/history/2");
    expect(second.status).toBe(404);
    expect(second.text).not.toContain("secret");
    expect((await page(team, "/history/0")).status).toBe(404);
    expect((await page(team, "/history/one")).status).toBe(404);
    expect((await page(team, "")).text).not.toContain("secret");
    // Another workspace's vision is not reachable through its slug either.
    expect((await team.viewer.browser.request(`/w/${other.slug}/vision`)).status).toBe(404);
    expect((await team.editor.browser.postForm(`/w/${other.slug}/vision/edit`, { ...FIRST, version: "2" })).status).toBe(404);
    expect((await versionsOf(other.id)).length).toBe(2);
  });

  it("shows an old version and restores it as a new version", async () => {
    const team = await newTeam();
    await save(team, 0);
    await save(team, 1, { statement: "A vision we regretted." });
    const old = await page(team, "/history/1");
    expect(old.status).toBe(200);
    expect(old.text).toContain(FIRST.statement);
    expect(old.text).toContain("Version 2 is the current one");
    expect(old.text).not.toContain("Restore"); // viewers only read
    const editorView = visibleText(await (await team.editor.browser.request(`/w/${team.slug}/vision/history/1`)).text());
    expect(editorView).toContain("Restore as version 3");
    expect((await save(team, 2, {})).status).toBe(302);
    expect((await versionsOf(team.id)).map((v) => v.statement)).toEqual([FIRST.statement, "A vision we regretted.", FIRST.statement]);
  });

  it("exports every version as CSV", async () => {
    const team = await newTeam();
    await save(team, 0, { statement: "=1+1 is not a formula here" });
    await save(team, 1);
    const response = await team.viewer.browser.request(`/w/${team.slug}/vision.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe("version,statement,mission,target_customers,principles,north_star_metric,source,saved_by,saved_at");
    expect(lines[1]).toMatch(/^2,/);
    expect(lines.join("\n")).toContain("'=1+1 is not a formula here");
  });
});
