import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, formatTimestamp, mergeConsecutiveSpeakers, parseCaptions, speakersOf, type CaptionParseResult } from "./parse-captions";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function segmentsOf(result: CaptionParseResult) {
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error.message}`);
  return result.segments;
}

function errorOf(result: CaptionParseResult) {
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("WebVTT", () => {
  const segments = segmentsOf(parseCaptions(fixture("pricing-review.vtt"), "vtt"));

  it("reads a Teams export into timed segments with the voice-tag speakers, skipping NOTE and STYLE blocks", () => {
    expect(segments[0]).toEqual({
      start: 2.14,
      end: 6.48,
      speaker: "Priya Shah",
      text: "Okay, let's get started. The goal today is to decide on the usage-based tier before the board meeting.",
    });
    expect(segments.map((s) => s.speaker)).toEqual([
      "Priya Shah", "Priya Shah", "Marco Bianchi", "Marco Bianchi", "Hannah Okafor", "Priya Shah", "Hannah Okafor", "Marco Bianchi",
    ]);
    expect(segments.some((s) => /NOTE|screen|cue\(/.test(s.text))).toBe(false);
  });

  it("strips markup, decodes entities and reads voice classes (<v.loud Name>)", () => {
    expect(segments[2]!.text).toBe("Yes. Twelve pilot customers, and nine of them ended up paying more than on the flat plan & none churned.");
    expect(segments[3]!.text).toBe("The three that paid less were all under two hundred transactions a month.");
    expect(segments[4]!.speaker).toBe("Hannah Okafor");
  });

  it("splits a cue in which two people speak, and accepts a cue without an identifier", () => {
    expect(segments[5]).toMatchObject({ start: 31.4, end: 36.75, speaker: "Priya Shah" });
    expect(segments[6]).toMatchObject({ start: 31.4, end: 36.75, speaker: "Hannah Okafor", text: "Yes, I'll take that." });
  });

  it("lists the speakers once each, in order of appearance", () => {
    expect(speakersOf(segments)).toEqual(["Priya Shah", "Marco Bianchi", "Hannah Okafor"]);
  });

  it("reads `Speaker: text` prefixes (Zoom), hours-less timings, CRLF and a byte-order mark", () => {
    const zoom = "\uFEFFWEBVTT\r\n\r\n1\r\n00:05.000 --> 00:08.500\r\nLena Vogel: Can everyone see my screen?\r\n\r\n2\r\n00:09.000 --> 00:10.000\r\nTom Reyes: Yes.\r\n";
    expect(segmentsOf(parseCaptions(zoom, "vtt"))).toEqual([
      { start: 5, end: 8.5, speaker: "Lena Vogel", text: "Can everyone see my screen?" },
      { start: 9, end: 10, speaker: "Tom Reyes", text: "Yes." },
    ]);
  });

  it("keeps hours, cue settings and speaker-less cues; a URL is not a speaker", () => {
    const text = "WEBVTT\n\n01:02:03.250 --> 01:02:05.000 align:start position:10%\nSee https://example.com/pricing for details\n";
    expect(segmentsOf(parseCaptions(text, "vtt"))).toEqual([
      { start: 3723.25, end: 3725, speaker: null, text: "See https://example.com/pricing for details" },
    ]);
  });

  it("reads a first cue that follows the header without a blank line", () => {
    const text = "WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hi\n";
    expect(segmentsOf(parseCaptions(text, "vtt"))).toEqual([{ start: 1, end: 2, speaker: "Ana", text: "Hi" }]);
  });

  it("refuses a file without the WEBVTT header, naming line 1", () => {
    const error = errorOf(parseCaptions(fixture("onboarding-sync.srt"), "vtt"));
    expect(error).toEqual({ line: 1, message: "Line 1: a WebVTT file must start with “WEBVTT”. Is this an .srt file?" });
    expect(errorOf(parseCaptions("", "vtt")).line).toBe(1);
  });

  it("refuses a malformed timing, naming its line", () => {
    const text = "WEBVTT\n\ncue-1\n00:00:01.000 --> 00:00:04.000\nHello\n\ncue-2\n00:00:05.000 -> 00:00:07.000\nBroken arrow\n";
    expect(errorOf(parseCaptions(text, "vtt"))).toEqual({
      line: 8,
      message: "Line 8: “00:00:05.000 -> 00:00:07.000” is not a valid cue timing; expected something like “00:00:01.000 --> 00:00:04.000”.",
    });
  });

  it("refuses garbage around the arrow, impossible minutes and a cue that ends before it starts", () => {
    expect(errorOf(parseCaptions("WEBVTT\n\n00:00:01.000 --> soon\nHi\n", "vtt")).line).toBe(3);
    expect(errorOf(parseCaptions("WEBVTT\n\n00:61:01.000 --> 00:62:00.000\nHi\n", "vtt")).message).toBe(
      "Line 3: “00:61:01.000 --> 00:62:00.000” has minutes or seconds above 59.",
    );
    expect(errorOf(parseCaptions("WEBVTT\n\n\n00:00:05.000 --> 00:00:03.000\nHi\n", "vtt")).message).toBe(
      "Line 4: the cue ends (00:00:03.000) before it starts (00:00:05.000).",
    );
  });

  it("refuses a cue block with an identifier but no timing", () => {
    expect(errorOf(parseCaptions("WEBVTT\n\nintro\nWelcome everyone\n", "vtt"))).toMatchObject({ line: 4 });
  });

  it("refuses a header with no cues", () => {
    expect(errorOf(parseCaptions("WEBVTT\n\nNOTE nothing recorded\n", "vtt"))).toEqual({
      line: null,
      message: "The file has no cues: no line like “00:00:01.000 --> 00:00:04.000” was found.",
    });
  });
});

describe("SubRip (SRT)", () => {
  const segments = segmentsOf(parseCaptions(fixture("onboarding-sync.srt"), "srt"));

  it("reads numbered cues with comma timings, multi-line text and `Speaker:` prefixes", () => {
    expect(segments).toHaveLength(6);
    expect(segments[0]).toEqual({ start: 1, end: 4.2, speaker: "Lena Vogel", text: "Morning everyone. Quick sync on the onboarding drop-off." });
    expect(segments[2]).toEqual({ start: 10, end: 14.5, speaker: "Tom Reyes", text: "Most of them stop at the micro-deposit step. It takes two days." });
    expect(segments[5]).toMatchObject({ speaker: "Lena Vogel", text: "Action item: Tom prices Plaid for the next sprint." });
    expect(speakersOf(segments)).toEqual(["Lena Vogel", "Tom Reyes", "Aisha Khan"]);
  });

  it("strips <font> tags and {\\an8} overrides, accepts dots and missing cue numbers", () => {
    const text = "00:00:01.000 --> 00:00:02.000\n{\\an8}<font color=\"#fff\">Ana: Hello</font>\n\n7\n00:00:03,5 --> 00:00:04,000\nBo: Hi\n";
    expect(segmentsOf(parseCaptions(text, "srt"))).toEqual([
      { start: 1, end: 2, speaker: "Ana", text: "Hello" },
      { start: 3.5, end: 4, speaker: "Bo", text: "Hi" },
    ]);
  });

  it("keeps text after a blank line inside a cue with that cue", () => {
    const text = "1\n00:00:01,000 --> 00:00:02,000\nAna: First part\n\nsecond part\n\n2\n00:00:03,000 --> 00:00:04,000\nBo: Next\n";
    const merged = mergeConsecutiveSpeakers(segmentsOf(parseCaptions(text, "srt")));
    expect(merged[0]).toEqual({ start: 1, end: 2, speaker: "Ana", text: "First part second part" });
  });

  it("refuses a cue number followed by a bad timing, naming the timing's line", () => {
    const text = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hi\n\n2\n00:00:03 --> 00:00:04\nBo: Hi\n";
    expect(errorOf(parseCaptions(text, "srt"))).toEqual({
      line: 6,
      message: "Line 6: “00:00:03 --> 00:00:04” is not a valid cue timing; expected something like “00:00:01,000 --> 00:00:04,000”.",
    });
  });

  it("refuses a cue number with nothing after it, and a file that is not SRT at all", () => {
    expect(errorOf(parseCaptions("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n", "srt"))).toMatchObject({ line: 6 });
    expect(errorOf(parseCaptions("Meeting notes\nWe talked.\n", "srt"))).toEqual({
      line: 1,
      message: "Line 1: expected a cue number or a timing like “00:00:01,000 --> 00:00:04,000”, found “Meeting notes”.",
    });
    expect(errorOf(parseCaptions("", "srt")).line).toBeNull();
  });

  it("refuses a WebVTT file read as SRT at its first line", () => {
    expect(errorOf(parseCaptions(fixture("pricing-review.vtt"), "srt")).line).toBe(1);
  });
});

describe("reading helpers", () => {
  it("merges a speaker's consecutive segments into one turn", () => {
    const turns = mergeConsecutiveSpeakers(segmentsOf(parseCaptions(fixture("pricing-review.vtt"), "vtt")));
    expect(turns.map((t) => t.speaker)).toEqual(["Priya Shah", "Marco Bianchi", "Hannah Okafor", "Priya Shah", "Hannah Okafor", "Marco Bianchi"]);
    expect(turns[0]).toMatchObject({ start: 2.14, end: 11.02 });
    expect(turns[0]!.text).toContain("board meeting. Marco, you had the numbers");
  });

  it("formats time stamps as mm:ss, or h:mm:ss past the hour", () => {
    expect(formatTimestamp(0)).toBe("00:00");
    expect(formatTimestamp(247.9)).toBe("04:07");
    expect(formatTimestamp(3723.25)).toBe("1:02:03");
    expect(formatTimestamp(65, "hours")).toBe("0:01:05");
    expect(formatTimestamp(3723.25, "precise")).toBe("01:02:03.250");
  });

  it("detects the format of pasted text", () => {
    expect(detectFormat(fixture("pricing-review.vtt"))).toBe("vtt");
    expect(detectFormat(fixture("onboarding-sync.srt"))).toBe("srt");
    expect(detectFormat("# Weekly sync\n\n- shipped the importer\n")).toBe("markdown");
    expect(detectFormat("Priya: hello\nMarco: hi\n")).toBe("text");
  });
});
