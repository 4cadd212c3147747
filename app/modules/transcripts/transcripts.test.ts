import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { fieldErrors, visibleText, type Browser } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments", other: "Contoso Lending" });

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

/** The "new transcript" form as a browser sends it: multipart, the file input last. */
function upload(browser: Browser, path: string, fields: Record<string, string>, file?: { name: string; body: Uint8Array | string; type?: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("file", new Blob([typeof file.body === "string" ? file.body : new Uint8Array(file.body)], { type: file.type ?? "text/plain" }), file.name);
  else form.append("file", new Blob([], { type: "application/octet-stream" }), "");
  return browser.request(path, { method: "POST", body: form });
}

const newPath = () => `/w/${env.team.slug}/transcripts/new`;
const rows = (title: string) => env.db.selectFrom("transcripts").selectAll().where("title", "=", title).execute();

describe("transcripts", () => {
  it("uploading a VTT file creates timed, speaker-labelled segments, names it after the file and lists the speakers as attendees", async () => {
    const response = await upload(env.team.editor.browser, newPath(), { title: "", meeting_date: "2026-09-14", attendees: "" }, {
      name: "Pricing review.vtt",
      body: fixture("pricing-review.vtt"),
      type: "text/vtt",
    });
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/w/${env.team.slug}/transcripts/[0-9a-f-]{36}$`));

    const [row] = await rows("Pricing review");
    expect(row).toMatchObject({ format: "vtt", meeting_date: "2026-09-14", attendees: ["Priya Shah", "Marco Bianchi", "Hannah Okafor"], source: "manual" });
    expect(row!.segments).toHaveLength(8);
    expect(row!.segments![0]).toMatchObject({ start: 2.14, end: 6.48, speaker: "Priya Shah" });

    const page = visibleText(await (await env.team.viewer.browser.request(location)).text());
    expect(page).toContain("14 Sep 2026 · WebVTT · 00:43 · 3 speakers");
    expect(page).toContain("Priya Shah 00:02 Okay, let's get started.");
    // Consecutive cues of one speaker read as one turn.
    expect(page).toContain("before the board meeting. Marco, you had the numbers from the pilot?");
    expect(page).toContain("Hannah Okafor 00:31 Yes, I'll take that.");

    const event = await env.db.selectFrom("activity_events").selectAll().where("entity_id", "=", location.split("/").pop()!).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "created", entity_type: "transcript", actor_id: env.team.editor.id, entity_title: "Pricing review" });
  });

  it("keeps typed attendees and title over the ones an SRT file would give", async () => {
    const response = await upload(env.team.editor.browser, newPath(), { title: "Onboarding sync", attendees: "Lena Vogel, Tom Reyes, Aisha Khan, Sam Lee" }, {
      name: "zoom_0915.srt",
      body: fixture("onboarding-sync.srt"),
    });
    expect(response.status).toBe(302);
    const [row] = await rows("Onboarding sync");
    expect(row).toMatchObject({ format: "srt", attendees: ["Lena Vogel", "Tom Reyes", "Aisha Khan", "Sam Lee"] });
    expect(row!.segments).toHaveLength(6);
  });

  it("refuses a file above 1 MB with a field error that says its size, and keeps the other fields", async () => {
    const big = "Priya: we should talk about pricing.\n".repeat(Math.ceil((1.4 * 1024 * 1024) / 37)).slice(0, Math.round(1.4 * 1024 * 1024));
    const response = await upload(env.team.editor.browser, newPath(), { title: "All-hands", meeting_date: "2026-09-01", attendees: "Priya Shah, Marco Bianchi" }, {
      name: "all-hands.txt",
      body: big,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "file")).toEqual(["The file is 1.4 MB; the limit is 1 MB."]);
    expect(fieldErrors(html, "title")).toEqual([]);
    expect(fieldErrors(html, "content")).toEqual([]);
    expect(html).toContain('value="All-hands"');
    expect(html).toContain('value="2026-09-01"');
    expect(html).toContain("Priya Shah, Marco Bianchi");
    expect(await rows("All-hands")).toEqual([]);
  });

  it("stops reading a file far above the limit, still answering with the fields typed before it", async () => {
    const huge = new Uint8Array(40 * 1024 * 1024).fill(65);
    const response = await upload(env.team.editor.browser, newPath(), { title: "Offsite recording" }, { name: "offsite.txt", body: huge });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "file")).toEqual(["The file is more than 32 MB; the limit is 1 MB."]);
    expect(html).toContain('value="Offsite recording"');
  });

  it("refuses a file that is not .txt, .md, .vtt or .srt, naming the ones it takes", async () => {
    const response = await upload(env.team.editor.browser, newPath(), { title: "Board deck", attendees: "Priya Shah" }, { name: "deck.pdf", body: "%PDF-1.7" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "file")).toEqual(["“deck.pdf” is not a transcript file. Upload a .txt, .md, .vtt or .srt file."]);
    expect(html).toContain('value="Board deck"');
    expect(await rows("Board deck")).toEqual([]);
  });

  it("refuses a caption file it cannot read, naming the line, and puts its text in the box to fix", async () => {
    const broken = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>Hello\n\n00:00:04.000 -> 00:00:05.000\n<v Bo>Hi\n";
    const response = await upload(env.team.editor.browser, newPath(), { title: "Broken captions" }, { name: "broken.vtt", body: broken });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "file")).toEqual([
      "“broken.vtt” could not be read. Line 6: “00:00:04.000 -> 00:00:05.000” is not a valid cue timing; expected something like “00:00:01.000 --> 00:00:04.000”.",
    ]);
    expect(visibleText(html)).toContain("00:00:04.000 -> 00:00:05.000 <v Bo>Hi");
  });

  it("takes a pasted transcript, detects pasted captions, and asks for a title and text when they are missing", async () => {
    const pasted = await env.team.editor.browser.postForm(newPath(), { title: "Pasted captions", format: "auto", content: fixture("onboarding-sync.srt").toString() });
    expect(pasted.status).toBe(302);
    expect((await rows("Pasted captions"))[0]).toMatchObject({ format: "srt", attendees: ["Lena Vogel", "Tom Reyes", "Aisha Khan"] });

    const empty = await env.team.editor.browser.postForm(newPath(), { title: " ", attendees: "Priya Shah", content: "" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(fieldErrors(html, "title")).toEqual(["Give the meeting a title."]);
    expect(fieldErrors(html, "content")).toEqual(["Paste the transcript or upload a file."]);
    expect(html).toContain('value="Priya Shah"');

    const badDate = await env.team.editor.browser.postForm(newPath(), { title: "Retro", meeting_date: "next tuesday", content: "We shipped." });
    expect(fieldErrors(await badDate.text(), "meeting_date")).toEqual(["Use a date like 2026-11-23."]);
  });

  it("keeps a note apart from a meeting: chosen on the form, shown as a Note, changeable on edit, and an unknown kind is a field error", async () => {
    const badKind = await env.team.editor.browser.postForm(newPath(), { title: "Pricing spec", kind: "memo", content: "Annual first." });
    expect(badKind.status).toBe(400);
    const html = await badKind.text();
    expect(fieldErrors(html, "kind")).toEqual(["Choose a meeting or a note."]);
    expect(html).toContain("Annual first.");

    const created = await env.team.editor.browser.postForm(newPath(), { title: "Pricing spec", kind: "note", content: "Annual first." });
    const location = created.headers.get("location")!;
    expect((await rows("Pricing spec"))[0]).toMatchObject({ kind: "note", meeting_date: null });
    expect(visibleText(await (await env.team.editor.browser.request(location)).text())).toContain("Note · Plain text");

    const edited = await env.team.editor.browser.postForm(`${location}/edit`, { title: "Pricing spec", kind: "meeting", meeting_date: "2026-11-20", version: "1" });
    expect(edited.status).toBe(302);
    expect((await rows("Pricing spec"))[0]).toMatchObject({ kind: "meeting", meeting_date: "2026-11-20" });
  });

  it("shows plain text as paragraphs and renders Markdown without any HTML or script getting through", async () => {
    const markdown = "# Weekly sync\n\n- Shipped the **importer**\n- [docs](javascript:alert(1))\n\n<img src=x onerror=alert(1)><script>alert(2)</script>";
    const response = await env.team.editor.browser.postForm(newPath(), { title: "Weekly sync", format: "markdown", content: markdown });
    expect(response.status).toBe(302);
    const page = await (await env.team.viewer.browser.request(response.headers.get("location")!)).text();
    // The page's own scripts carry the loader data (the raw text, escaped); the rendered transcript must carry none of it as markup.
    const html = page.match(/<section aria-label="Transcript"[\s\S]*?<\/section>/)![0];
    expect(html).toContain("<h1>Weekly sync</h1>");
    expect(html).toContain("<strong>importer</strong>");
    expect(html).toMatch(/<a rel="noopener noreferrer nofollow" target="_blank">docs<\/a>/);
    expect(html).not.toMatch(/<script|<img|onerror|javascript:/);

    const text = await env.team.editor.browser.postForm(newPath(), { title: "Hallway chat", format: "text", content: "Priya: first thought\nstill first\n\nMarco: second" });
    const plain = await (await env.team.viewer.browser.request(text.headers.get("location")!)).text();
    expect(plain).toMatch(/<p class="[^"]*whitespace-pre-line[^"]*">Priya: first thought\nstill first<\/p>/);
  });

  it("lists transcripts with search, and exports them as CSV with counts", async () => {
    const list = visibleText(await (await env.team.viewer.browser.request(`/w/${env.team.slug}/transcripts`)).text());
    expect(list).toContain("Pricing review");
    expect(list).toContain("Onboarding sync");
    const found = visibleText(await (await env.team.viewer.browser.request(`/w/${env.team.slug}/transcripts?q=plaid`)).text());
    expect(found).toContain("Onboarding sync");
    expect(found).not.toContain("Pricing review");

    const csv = await (await env.team.viewer.browser.request(`/w/${env.team.slug}/transcripts.csv`)).text();
    const [header, ...lines] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe("id,title,meeting_date,attendees,summary,decisions,action_items,format,source,updated_at");
    expect(lines.find((line) => line.includes("Pricing review"))).toContain(',Pricing review,2026-09-14,"Priya Shah, Marco Bianchi, Hannah Okafor",,0,0,vtt,manual,');
  });

  it("a viewer can read but not create, and the new page is a multipart form", async () => {
    expect((await env.team.viewer.browser.postForm(newPath(), { title: "Sneaky", content: "x" })).status).toBe(403);
    expect((await env.team.viewer.browser.request(newPath())).status).toBe(403);
    const page = await (await env.team.editor.browser.request(newPath())).text();
    // HTML attribute names are case-insensitive; React writes "encType".
    expect(page).toMatch(/<form[^>]*enctype="multipart\/form-data"/i);
  });

  it("deletes after confirmation and records it", async () => {
    const created = await env.team.editor.browser.postForm(newPath(), { title: "Short-lived", content: "Nothing to see." });
    const location = created.headers.get("location")!;
    expect((await env.team.viewer.browser.postForm(location, { intent: "delete" })).status).toBe(403);
    const response = await env.team.editor.browser.postForm(location, { intent: "delete" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/w/${env.team.slug}/transcripts`);
    expect((await env.team.editor.browser.request(location)).status).toBe(404);
    const event = await env.db.selectFrom("activity_events").selectAll().where("action", "=", "deleted").where("entity_title", "=", "Short-lived").executeTakeFirst();
    expect(event?.entity_type).toBe("transcript");
  });

  it("answers 404 for another workspace's transcript, a malformed id and an unknown one, and changes nothing", async () => {
    const theirs = await upload(env.other.editor.browser, `/w/${env.other.slug}/transcripts/new`, {}, { name: "Their meeting.vtt", body: fixture("pricing-review.vtt") });
    const id = theirs.headers.get("location")!.split("/").pop()!;
    const mine = `/w/${env.team.slug}/transcripts/${id}`;
    expect((await env.team.owner.browser.request(mine)).status).toBe(404);
    expect((await env.team.owner.browser.request(`${mine}/edit`)).status).toBe(404);
    expect((await env.team.owner.browser.postForm(mine, { intent: "delete" })).status).toBe(404);
    expect((await env.team.owner.browser.postForm(`${mine}/edit`, { title: "hijacked", version: "1" })).status).toBe(404);
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/transcripts/not-an-id`)).status).toBe(404);
    expect((await env.team.viewer.browser.request(`/w/${env.team.slug}/transcripts/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect(await rows("Their meeting")).toHaveLength(1);
  });
});
