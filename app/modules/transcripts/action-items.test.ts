import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText, type FormFields } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", other: "Contoso Lending" });

const MEETING = {
  title: "Pricing review",
  meeting_date: "2026-09-14",
  attendees: "Priya Shah, Marco Bianchi",
  content: "Priya: we launch usage-based pricing in September.\n\nMarco: I'll draft the spend cap.",
};

async function createMeeting(title = MEETING.title) {
  const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/transcripts/new`, { ...MEETING, title });
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  return { location, id: location.split("/").pop()! };
}

const stored = (id: string) => env.db.selectFrom("transcripts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

/** The edit form's fields, rows included, the way a browser without JavaScript posts them. */
function editFields(version: number, items: Array<{ id?: string; text: string; owner?: string; remove?: boolean }>, extra: FormFields = {}): FormFields {
  const fields: FormFields = {
    title: MEETING.title,
    meeting_date: MEETING.meeting_date,
    attendees: MEETING.attendees,
    summary: "",
    decisions: "",
    version: String(version),
    ...extra,
  };
  items.forEach((item, index) => {
    fields[`action_items[${index}].id`] = item.id ?? "";
    fields[`action_items[${index}].text`] = item.text;
    fields[`action_items[${index}].owner`] = item.owner ?? "";
    if (item.remove) fields[`action_items[${index}].remove`] = true;
  });
  return fields;
}

describe("transcript notes and action items", () => {
  it("an editor fills the summary, decisions and action items through blank rows, and everyone reads them", async () => {
    const { location, id } = await createMeeting();
    const editPage = await (await env.team.editor.browser.request(`${location}/edit`)).text();
    expect(editPage).toContain('name="action_items[2].text"');
    const response = await env.team.editor.browser.postForm(
      `${location}/edit`,
      editFields(
        1,
        [
          { text: "Draft a spend cap proposal", owner: "Marco Bianchi" },
          { text: "" },
          { text: "Tell sales about the September launch", owner: "Priya" },
        ],
        { summary: "We agreed to launch usage-based pricing.", decisions: "- Usage-based pricing for new customers only\n\nLaunch in September\n" },
      ),
    );
    expect(response.status).toBe(302);
    const row = await stored(id);
    expect(row.summary).toBe("We agreed to launch usage-based pricing.");
    expect(row.decisions).toEqual(["Usage-based pricing for new customers only", "Launch in September"]);
    expect(row.action_items.map(({ text, owner }) => ({ text, owner }))).toEqual([
      { text: "Draft a spend cap proposal", owner: "Marco Bianchi" },
      { text: "Tell sales about the September launch", owner: "Priya" },
    ]);
    expect(row.action_items.every((item) => /^[0-9a-f-]{36}$/.test(item.id ?? ""))).toBe(true);
    expect(row.version).toBe(2);

    const page = visibleText(await (await env.team.viewer.browser.request(location)).text());
    expect(page).toContain("Summary We agreed to launch usage-based pricing.");
    expect(page).toContain("Decisions Usage-based pricing for new customers only Launch in September");
    expect(page).toContain("Draft a spend cap proposal Owner: Marco Bianchi");
    expect(page).not.toContain("Make initiative"); // a viewer is offered no conversion
  });

  it("removes a row ticked “Remove”, keeps the others' ids, and refuses an owner without an action", async () => {
    const { location, id } = await createMeeting("Roadmap sync");
    await env.team.editor.browser.postForm(`${location}/edit`, editFields(1, [{ text: "First" }, { text: "Second" }, { text: "Third" }]));
    const [first, second, third] = (await stored(id)).action_items;
    const response = await env.team.editor.browser.postForm(
      `${location}/edit`,
      editFields(2, [{ id: first!.id, text: "First" }, { id: second!.id, text: "Second", remove: true }, { id: third!.id, text: "Third, reworded" }]),
    );
    expect(response.status).toBe(302);
    expect((await stored(id)).action_items.map(({ id, text }) => ({ id, text }))).toEqual([
      { id: first!.id, text: "First" },
      { id: third!.id, text: "Third, reworded" },
    ]);

    const refused = await env.team.editor.browser.postForm(`${location}/edit`, editFields(3, [{ text: "", owner: "Priya" }], { title: "" }));
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(fieldErrors(html, "title")).toEqual(["Give the meeting a title."]);
    expect(visibleText(html)).toContain("Say what the action is, or clear the owner.");
    expect(html).toContain('value="Priya"');
  });

  it("detects a conflicting edit, shows both texts and overwrites nothing", async () => {
    const { location, id } = await createMeeting("Conflict review");
    const first = await env.team.editor.browser.postForm(`${location}/edit`, editFields(1, [{ text: "Call the bank", owner: "Priya" }], { summary: "Priya's summary" }));
    expect(first.status).toBe(302);
    const stale = await env.team.admin.browser.postForm(`${location}/edit`, editFields(1, [{ text: "Email the bank", owner: "Marco" }], { summary: "Marco's summary" }));
    expect(stale.status).toBe(409);
    const text = visibleText(await stale.text());
    expect(text).toContain("Someone else saved this while you were editing");
    expect(text).toContain("Priya's summary");
    expect(text).toContain("Marco's summary");
    expect(text).toContain("Call the bank — Priya");
    expect(text).toContain("Email the bank — Marco");
    const row = await stored(id);
    expect(row).toMatchObject({ summary: "Priya's summary", version: 2 });
    expect(row.action_items.map((item) => item.text)).toEqual(["Call the bank"]);
  });

  it("a viewer cannot edit or convert", async () => {
    const { location, id } = await createMeeting("Viewer check");
    expect((await env.team.viewer.browser.request(`${location}/edit`)).status).toBe(403);
    expect((await env.team.viewer.browser.postForm(`${location}/edit`, editFields(1, [{ text: "Sneak in" }]))).status).toBe(403);
    await env.team.editor.browser.postForm(`${location}/edit`, editFields(1, [{ text: "Real item" }]));
    const item = (await stored(id)).action_items[0]!;
    expect((await env.team.viewer.browser.postForm(location, { intent: "convert-initiative", actionItemId: item.id! })).status).toBe(403);
    expect(await env.db.selectFrom("initiatives").select("id").where("title", "=", "Real item").execute()).toEqual([]);
  });

  it("turns an action item into an initiative in one step, once", async () => {
    const { location, id } = await createMeeting("Launch planning");
    await env.team.editor.browser.postForm(`${location}/edit`, editFields(1, [{ text: "Add a spend cap to usage pricing", owner: "Editor" }], { title: "Launch planning" }));
    const item = (await stored(id)).action_items[0]!;

    const response = await env.team.editor.browser.postForm(location, { intent: "convert-initiative", actionItemId: item.id! });
    expect(response.status).toBe(302);
    const target = response.headers.get("location")!;
    expect(target).toMatch(new RegExp(`^/w/${env.team.slug}/initiatives/[0-9a-f-]{36}$`));
    const initiativeId = target.split("/").pop()!;
    const initiative = await env.db.selectFrom("initiatives").selectAll().where("id", "=", initiativeId).executeTakeFirstOrThrow();
    expect(initiative).toMatchObject({
      workspace_id: env.team.id,
      title: "Add a spend cap to usage pricing",
      problem: "From meeting Launch planning on 14 Sep 2026: Add a spend cap to usage pricing",
      status: "idea",
      source: "transcript",
      owner_id: env.team.editor.id, // "Editor" names exactly one member by first name
      created_by: env.team.editor.id,
    });
    expect((await stored(id)).action_items[0]).toMatchObject({ id: item.id, initiative_id: initiativeId });
    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_id", "=", initiativeId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "initiative" });

    // The page now links to it instead of offering the button; a replayed form lands on the same initiative.
    const page = await (await env.team.editor.browser.request(location)).text();
    expect(page).toContain(`href="/w/${env.team.slug}/initiatives/${initiativeId}"`);
    expect(visibleText(page)).not.toContain("Make initiative");
    const again = await env.team.editor.browser.postForm(location, { intent: "convert-initiative", actionItemId: item.id! });
    expect(again.headers.get("location")).toBe(target);
    const all = await env.db.selectFrom("initiatives").select("id").where("title", "=", "Add a spend cap to usage pricing").execute();
    expect(all).toHaveLength(1);

    // The marker survives an edit of the item's text.
    await env.team.editor.browser.postForm(`${location}/edit`, editFields(2, [{ id: item.id, text: "Add a spend cap (v2)" }], { title: "Launch planning" }));
    expect((await stored(id)).action_items[0]).toMatchObject({ text: "Add a spend cap (v2)", initiative_id: initiativeId });
  });

  it("turns an action item into a risk linked to the transcript, once, quoting the transcript", async () => {
    const { location, id } = await createMeeting("Procurement call");
    await env.db
      .updateTable("transcripts")
      .set({ action_items: JSON.stringify([{ text: "Procurement may block unpredictable bills", owner: "Nobody Here", quote: "If finance teams can't predict the bill, procurement will block it." }]) })
      .where("id", "=", id)
      .execute();
    // Items the AI writes carry no id: the page offers them by position.
    const page = await (await env.team.editor.browser.request(location)).text();
    expect(page).toContain('name="actionItemId" value="item-1"');

    const response = await env.team.editor.browser.postForm(location, { intent: "convert-risk", actionItemId: "item-1" });
    expect(response.status).toBe(302);
    const target = response.headers.get("location")!;
    expect(target).toMatch(new RegExp(`^/w/${env.team.slug}/risks/[0-9a-f-]{36}$`));
    const risk = await env.db.selectFrom("risks").selectAll().where("id", "=", target.split("/").pop()!).executeTakeFirstOrThrow();
    expect(risk).toMatchObject({
      title: "Procurement may block unpredictable bills",
      description: "From meeting Procurement call on 14 Sep 2026: “If finance teams can't predict the bill, procurement will block it.”",
      likelihood: 3,
      impact: 3,
      severity: 9,
      status: "open",
      source: "transcript",
      transcript_id: id,
      owner_id: null,
    });
    const items = (await stored(id)).action_items;
    expect(items[0]).toMatchObject({ risk_id: risk.id, quote: "If finance teams can't predict the bill, procurement will block it." });
    expect(items[0]!.id).toMatch(/^[0-9a-f-]{36}$/);

    const again = await env.team.editor.browser.postForm(location, { intent: "convert-risk", actionItemId: items[0]!.id! });
    expect(again.headers.get("location")).toBe(target);
    expect(await env.db.selectFrom("risks").select("id").where("transcript_id", "=", id).execute()).toHaveLength(1);

    // Deleted since? Then the item may become a risk again.
    await env.db.deleteFrom("risks").where("id", "=", risk.id).execute();
    const recreated = await env.team.editor.browser.postForm(location, { intent: "convert-risk", actionItemId: items[0]!.id! });
    expect(recreated.headers.get("location")).not.toBe(target);
  });

  it("answers 404 to a conversion of another workspace's transcript or an unknown item, and creates nothing", async () => {
    const theirs = await env.other.editor.browser.postForm(`/w/${env.other.slug}/transcripts/new`, { ...MEETING, title: "Their meeting" });
    const theirId = theirs.headers.get("location")!.split("/").pop()!;
    await env.db.updateTable("transcripts").set({ action_items: JSON.stringify([{ text: "Their item", owner: null, quote: null }]) }).where("id", "=", theirId).execute();
    for (const intent of ["convert-initiative", "convert-risk"]) {
      expect((await env.team.owner.browser.postForm(`/w/${env.team.slug}/transcripts/${theirId}`, { intent, actionItemId: "item-1" })).status).toBe(404);
    }
    const { location } = await createMeeting("No items here");
    expect((await env.team.editor.browser.postForm(location, { intent: "convert-initiative", actionItemId: "item-7" })).status).toBe(404);
    expect(await env.db.selectFrom("initiatives").select("id").where("title", "=", "Their item").execute()).toEqual([]);
    expect(await env.db.selectFrom("risks").select("id").where("title", "=", "Their item").execute()).toEqual([]);
  });
});
