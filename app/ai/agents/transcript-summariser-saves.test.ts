import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText } from "../../server/testing";
import { acceptedForm, type Proposal } from "../components/proposal-review";
import type { TranscriptNotes } from "./transcript-notes-form";
import { checkSummary, transcriptSource, type TranscriptSummary } from "./transcript-summariser";
import { summaryProposals } from "./transcript-summary-proposals";

/**
 * Accepting the summariser's proposals posts to the app's ordinary actions, as ProposalReview's
 * fetcher does with single fetch (the route's `.data` address, `_stay=1`, `source=ai`), with the
 * fields the panel composes from the notes the page has.
 */
const env = setUpTestApp({ team: "Northwind Payments", other: "Contoso Lending" });
const ATTENDEES = ["Priya Shah", "Marco Bianchi"];
const CONTENT = "Priya Shah: We launch usage-based pricing in September.\nMarco Bianchi: I'll draft the spend cap proposal.";

const ANSWER: TranscriptSummary = {
  summary: "Usage-based pricing launches in September.",
  decisions: [{ decision: "Launch usage-based\npricing in September", quote: "We launch usage-based pricing in September." }],
  actionItems: [
    { text: "Draft the spend cap proposal", owner: "Marco", quote: "I'll draft the spend cap proposal." },
    { text: "Ask legal about invoices", owner: "unassigned", quote: "invoices" },
  ],
  risks: [{ title: "Invoices confuse small customers", description: "Usage bills vary.", likelihood: 3, impact: 4, mitigation: "Add a spend cap.", quote: "usage-based pricing" }],
};
const checked = checkSummary(ANSWER, transcriptSource({ id: "t", title: "Pricing review", meetingDate: null, attendees: ATTENDEES, body: CONTENT }), ATTENDEES);

type Proposals = ReturnType<typeof summaryProposals>;

/** Accept one proposal as the review does (optionally edited first), on the notes the page has at that moment. */
async function accept(transcriptId: string, pick: (proposals: Proposals) => Proposal, edits: Record<string, string> = {}, notes?: TranscriptNotes, as = env.team.editor.browser) {
  const proposal = pick(summaryProposals(env.team.slug, transcriptId, notes ?? (await notesOnThePage(transcriptId)), checked));
  const values = { ...Object.fromEntries(proposal.fields.map((field) => [field.name, field.value])), ...edits };
  return as.postForm(`${proposal.action}.data`, acceptedForm(proposal, values));
}

async function meeting(workspaceId: string, title: string) {
  const row = await env.db
    .insertInto("transcripts")
    .values({
      workspace_id: workspaceId,
      title,
      meeting_date: "2026-09-14",
      attendees: ATTENDEES,
      format: "text",
      content: CONTENT,
      summary: "",
      decisions: JSON.stringify(["Keep flat pricing for existing customers"]),
      action_items: JSON.stringify([{ id: "0d6f4a8e-5b7c-4e2a-9a61-3f0b9c1d2e4f", text: "Book the launch review", owner: "Priya Shah", quote: null }]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const stored = (id: string) => env.db.selectFrom("transcripts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

/** The notes as the transcript page's loader hands them to the panel. */
async function notesOnThePage(id: string): Promise<TranscriptNotes> {
  const row = await stored(id);
  return {
    version: row.version,
    title: row.title,
    meetingDate: row.meeting_date,
    attendees: row.attendees,
    summary: row.summary,
    decisions: row.decisions,
    actionItems: row.action_items.map((item) => ({ id: item.id!, text: item.text, owner: item.owner })),
  };
}

describe("accepting the summariser's notes (the transcript's edit action)", () => {
  it("fills the summary, then appends a decision and an action item with its owner and quote, keeping what was there", async () => {
    const id = await meeting(env.team.id, "Pricing review");

    const summary = await accept(id, (p) => p.summary);
    expect(summary.status).toBe(200);
    expect(summary.headers.get("x-remix-redirect")).toBeNull();
    expect(await summary.text()).toContain(`/w/${env.team.slug}/transcripts/${id}`);
    expect((await accept(id, (p) => p.decisions[0]!)).status).toBe(200);
    expect((await accept(id, (p) => p.actionItems[0]!)).status).toBe(200);

    const row = await stored(id);
    expect(row).toMatchObject({
      summary: "Usage-based pricing launches in September.",
      decisions: ["Keep flat pricing for existing customers", "Launch usage-based pricing in September"],
      version: 4,
    });
    expect(row.action_items).toEqual([
      { id: "0d6f4a8e-5b7c-4e2a-9a61-3f0b9c1d2e4f", text: "Book the launch review", owner: "Priya Shah", quote: null, initiative_id: null, risk_id: null },
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        text: "Draft the spend cap proposal",
        owner: "Marco Bianchi",
        quote: "I'll draft the spend cap proposal.",
        initiative_id: null,
        risk_id: null,
      },
    ]);
    const page = visibleText(await (await env.team.viewer.browser.request(`/w/${env.team.slug}/transcripts/${id}`)).text());
    expect(page).toContain("Summary Usage-based pricing launches in September.");
    expect(page).toContain("Draft the spend cap proposal Owner: Marco Bianchi");
  });

  it("saves what the user edited, and an unassigned action item without an owner", async () => {
    const id = await meeting(env.team.id, "Edited notes");
    expect((await accept(id, (p) => p.decisions[0]!, { title: "Launch in October instead" })).status).toBe(200);
    expect((await accept(id, (p) => p.actionItems[1]!)).status).toBe(200);

    const row = await stored(id);
    expect(row.decisions.at(-1)).toBe("Launch in October instead");
    expect(row.action_items.at(-1)).toMatchObject({ text: "Ask legal about invoices", owner: null, quote: "invoices" });
  });

  it("answers 409 when the transcript was saved since the page loaded, and overwrites nothing", async () => {
    const id = await meeting(env.team.id, "Contested notes");
    const stale = await notesOnThePage(id);
    expect((await accept(id, (p) => p.decisions[0]!, {}, stale, env.team.admin.browser)).status).toBe(200);

    const response = await accept(id, (p) => p.summary, {}, stale);

    expect(response.status).toBe(409);
    expect(await response.text()).toContain("conflict");
    expect(await stored(id)).toMatchObject({ summary: "", decisions: ["Keep flat pricing for existing customers", "Launch usage-based pricing in September"], version: 2 });
  });

  it("refuses a viewer, and answers 404 for another workspace's transcript", async () => {
    const id = await meeting(env.team.id, "Guarded notes");
    expect((await accept(id, (p) => p.summary, {}, undefined, env.team.viewer.browser)).status).toBe(403);
    const theirs = await meeting(env.other.id, "Their meeting");
    expect((await accept(theirs, (p) => p.summary)).status).toBe(404);
    expect(await stored(theirs)).toMatchObject({ summary: "", version: 1 });
  });
});

describe("accepting a risk the summariser found (the new-risk action)", () => {
  it("creates it marked AI and linked to the transcript it came from", async () => {
    const id = await meeting(env.team.id, "Risky meeting");
    const response = await accept(id, (p) => p.risks[0]!);
    expect(response.status).toBe(200);
    const risk = await env.db
      .selectFrom("risks")
      .select(["id", "source", "transcript_id", "workspace_id", "likelihood", "impact", "status"])
      .where("title", "=", "Invoices confuse small customers")
      .executeTakeFirstOrThrow();
    expect(risk).toEqual({ id: risk.id, source: "ai", transcript_id: id, workspace_id: env.team.id, likelihood: 3, impact: 4, status: "open" });
    expect(await response.text()).toContain(`/w/${env.team.slug}/risks/${risk.id}`);
  });

  it("links no other workspace's transcript and no malformed id: 404, and no risk is created", async () => {
    const theirs = await meeting(env.other.id, "Their risky meeting");
    const notes = await notesOnThePage(theirs);
    for (const transcriptId of [theirs, "not-an-id"]) {
      const response = await accept(transcriptId, (p) => p.risks[0]!, { title: `Linked to ${transcriptId}` }, notes);
      expect(response.status).toBe(404);
    }
    expect(await env.db.selectFrom("risks").select("id").where("title", "like", "Linked to %").execute()).toEqual([]);
  });
});
