import { describe, expect, it } from "vitest";
import {
  attendeeNamed,
  checkSummary,
  speakerTurns,
  TRANSCRIPT_CHARACTER_BUDGET,
  transcriptSource,
  transcriptSummarySchema,
  type TranscriptSummary,
} from "./transcript-summariser";

const ATTENDEES = ["Priya Shah", "Marco Bianchi", "Marco Rossi", "Ana Lima"];

describe("what the summariser reads", () => {
  it("turns caption segments into speaker turns, a speaker's consecutive segments joined", () => {
    const segments = [
      { start: 0, end: 2, speaker: "Priya Shah", text: "We launch" },
      { start: 2, end: 4, speaker: "Priya Shah", text: "in September." },
      { start: 4, end: 6, speaker: "Marco Bianchi", text: "I'll draft the cap." },
      { start: 6, end: 7, speaker: null, text: "[laughter]" },
    ];
    expect(speakerTurns(segments)).toBe("Priya Shah: We launch in September.\nMarco Bianchi: I'll draft the cap.\n[laughter]");
  });

  it("sends the transcript as one source with its date and attendees, so owners can be named", () => {
    const source = transcriptSource({ id: "t", title: "Pricing review", meetingDate: "2026-09-14", attendees: ["Priya Shah", "Marco Bianchi"], body: "Priya Shah: Hello." });
    expect(source).toEqual({
      id: "T1",
      kind: "meeting transcript",
      title: "Pricing review",
      text: "Meeting on 2026-09-14\nAttendees: Priya Shah, Marco Bianchi\n\nPriya Shah: Hello.",
    });
  });

  it("sends at most the character budget of a very long transcript", () => {
    const source = transcriptSource({ id: "t", title: "Offsite", meetingDate: null, attendees: [], body: "x".repeat(TRANSCRIPT_CHARACTER_BUDGET + 500) });
    expect(source.text).toBe(`Attendees: none listed\n\n${"x".repeat(TRANSCRIPT_CHARACTER_BUDGET)}`);
  });
});

describe("checking the answer before review", () => {
  it.each([
    ["Priya Shah", "Priya Shah"],
    ["priya shah", "Priya Shah"],
    ["Priya", "Priya Shah"],
    ["Ana", "Ana Lima"],
    ["Marco", "unassigned"], // two Marcos: the model must say which
    ["Jordan Lee", "unassigned"], // not at the meeting
    ["attacker@example.com", "unassigned"],
    ["", "unassigned"],
    ["Unassigned", "unassigned"],
  ])("owner %j → %j", (owner, expected) => {
    expect(attendeeNamed(owner, ATTENDEES)).toBe(expected);
  });

  it("marks each quote found or not in the transcript", () => {
    const source = transcriptSource({ id: "t", title: "Pricing review", meetingDate: null, attendees: ATTENDEES, body: "Priya Shah: We launch in September.\nAna Lima: Invoices may confuse small customers." });
    const output: TranscriptSummary = {
      summary: "Launch in September.",
      decisions: [{ decision: "Launch in September", quote: "We launch in September." }],
      actionItems: [{ text: "Email the customers", owner: "Ana", quote: "Ana promised to email everyone." }],
      risks: [{ title: "Confusing invoices", description: "", likelihood: 3, impact: 3, mitigation: "", quote: "Invoices may confuse small customers" }],
    };

    const checked = checkSummary(output, source, ATTENDEES);

    expect(checked.decisions[0]!.quote).toEqual({ text: "We launch in September.", found: true });
    expect(checked.actionItems[0]).toMatchObject({ owner: "Ana Lima", quote: { text: "Ana promised to email everyone.", found: false } });
    expect(checked.risks[0]!.quote.found).toBe(true);
  });

  it("holds every list to a modest length and every score to 1–5", () => {
    const risk = { title: "Risk", description: "", likelihood: 6, impact: 3, mitigation: "", quote: "q" };
    expect(transcriptSummarySchema.safeParse({ summary: "s", decisions: [], actionItems: [], risks: [risk] }).success).toBe(false);
    const decisions = Array.from({ length: 13 }, () => ({ decision: "Decided", quote: "q" }));
    expect(transcriptSummarySchema.safeParse({ summary: "s", decisions, actionItems: [], risks: [] }).success).toBe(false);
  });
});
