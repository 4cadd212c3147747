// Caption files (WebVTT, SubRip) into timed, speaker-labelled segments. Pure: used by the server
// when a transcript is saved and by the browser to pre-fill the attendees of an upload.
// WebVTT: https://www.w3.org/TR/webvtt1/ — SubRip has no formal spec; we follow what meeting tools
// (Zoom, Teams, Meet, Otter) write, and refuse what we cannot read with the line that broke.

export interface CaptionSegment {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
  speaker: string | null;
  text: string;
}

export type CaptionFormat = "vtt" | "srt";

export type CaptionParseResult =
  | { ok: true; segments: CaptionSegment[] }
  | { ok: false; error: { line: number | null; message: string } };

interface Line {
  number: number;
  text: string;
}

class ParseFailure extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
  }
}

export function parseCaptions(text: string, format: CaptionFormat): CaptionParseResult {
  try {
    return { ok: true, segments: format === "vtt" ? readWebVtt(text) : readSrt(text) };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: { line: error.line, message: error.message } };
    throw error;
  }
}

/** Splits into blocks of non-blank lines, keeping 1-based line numbers for error messages. */
function blocksOf(text: string): Line[][] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const blocks: Line[][] = [];
  let current: Line[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") {
      if (current.length) blocks.push(current);
      current = [];
    } else {
      current.push({ number: index + 1, text: line });
    }
  });
  if (current.length) blocks.push(current);
  return blocks;
}

const VTT_TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[.,](\d{3})`;
const SRT_TIME = String.raw`(\d{1,3}):(\d{1,2}):(\d{2})[,.](\d{1,3})`;
const VTT_TIMING = new RegExp(String.raw`^\s*${VTT_TIME}\s+-->\s+${VTT_TIME}(?:\s+.*)?$`);
const SRT_TIMING = new RegExp(String.raw`^\s*${SRT_TIME}\s*-->\s*${SRT_TIME}(?:\s+.*)?$`);
/** Something a person meant as a timing line, even if it is broken: "00:01 -> 00:02", "1:2:3 --> x". */
const LOOKS_LIKE_TIMING = /-->|->|^\s*\d+:\d+/;

function seconds(hours: string | undefined, minutes: string, secs: string, fraction: string, line: Line): number {
  const m = Number(minutes);
  const s = Number(secs);
  if (m > 59 || s > 59) throw new ParseFailure(line.number, `“${line.text.trim()}” has minutes or seconds above 59.`);
  return Math.round((Number(hours ?? 0) * 3600 + m * 60 + s) * 1000 + Number(fraction.padEnd(3, "0"))) / 1000;
}

function readTiming(line: Line, pattern: RegExp, example: string): { start: number; end: number } {
  const match = pattern.exec(line.text);
  if (!match) throw new ParseFailure(line.number, `“${line.text.trim()}” is not a valid cue timing; expected something like “${example}”.`);
  const [, h1, m1, s1, f1, h2, m2, s2, f2] = match;
  const start = seconds(h1, m1!, s1!, f1!, line);
  const end = seconds(h2, m2!, s2!, f2!, line);
  if (end < start) {
    throw new ParseFailure(line.number, `the cue ends (${formatTimestamp(end, "precise")}) before it starts (${formatTimestamp(start, "precise")}).`);
  }
  return { start, end };
}

function readWebVtt(text: string): CaptionSegment[] {
  const blocks = blocksOf(text);
  const header = blocks[0]?.[0];
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test(header.text.replace(/^\uFEFF/, ""))) {
    throw new ParseFailure(header?.number ?? 1, "a WebVTT file must start with “WEBVTT”. Is this an .srt file?");
  }
  // The header block may carry metadata lines ("Kind: captions"); some tools also omit the blank
  // line after it, so a timing line inside it starts the first cue.
  const headerBlock = blocks[0]!;
  const cueInHeader = headerBlock.findIndex((line, index) => index > 0 && line.text.includes("-->"));
  const cueBlocks = cueInHeader > 0 ? [headerBlock.slice(cueInHeader), ...blocks.slice(1)] : blocks.slice(1);
  const segments: CaptionSegment[] = [];
  let sawCue = false;
  for (const block of cueBlocks) {
    const first = block[0]!;
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first.text)) continue;
    // A cue may open with an identifier line; the timing line is then the second.
    const timingIndex = first.text.includes("-->") ? 0 : 1;
    const timingLine = block[timingIndex];
    if (!timingLine || !timingLine.text.includes("-->")) {
      const culprit = LOOKS_LIKE_TIMING.test(first.text) ? first : (timingLine ?? first);
      throw new ParseFailure(culprit.number, `“${culprit.text.trim()}” is not a valid cue timing; expected something like “00:00:01.000 --> 00:00:04.000”.`);
    }
    const timing = readTiming(timingLine, VTT_TIMING, "00:00:01.000 --> 00:00:04.000");
    sawCue = true;
    segments.push(...cueSegments(timing, block.slice(timingIndex + 1)));
  }
  if (!sawCue) throw new ParseFailure(null, "The file has no cues: no line like “00:00:01.000 --> 00:00:04.000” was found.");
  return segments;
}

function readSrt(text: string): CaptionSegment[] {
  const segments: CaptionSegment[] = [];
  let sawCue = false;
  for (const block of blocksOf(text)) {
    const first = block[0]!;
    let timingIndex: number;
    if (/^\s*\d+\s*$/.test(first.text)) timingIndex = 1;
    else if (first.text.includes("-->")) timingIndex = 0;
    else if (sawCue && !LOOKS_LIKE_TIMING.test(first.text)) {
      // A blank line inside a cue's text: the lines belong to the cue before.
      segments.push(...cueSegments(lastTiming(segments), block, segments.at(-1)?.speaker ?? null));
      continue;
    } else if (LOOKS_LIKE_TIMING.test(first.text)) {
      timingIndex = 0;
    } else {
      throw new ParseFailure(first.number, `expected a cue number or a timing like “00:00:01,000 --> 00:00:04,000”, found “${first.text.trim()}”.`);
    }
    const timingLine = block[timingIndex];
    if (!timingLine) throw new ParseFailure(first.number + 1, `cue ${first.text.trim()} has no timing line; expected something like “00:00:01,000 --> 00:00:04,000”.`);
    const timing = readTiming(timingLine, SRT_TIMING, "00:00:01,000 --> 00:00:04,000");
    sawCue = true;
    segments.push(...cueSegments(timing, block.slice(timingIndex + 1)));
  }
  if (!sawCue) throw new ParseFailure(null, "The file has no cues: no line like “00:00:01,000 --> 00:00:04,000” was found.");
  return segments;
}

function lastTiming(segments: CaptionSegment[]) {
  const last = segments.at(-1);
  return { start: last?.start ?? 0, end: last?.end ?? 0 };
}

// "Priya Shah: text" or "PRIYA: text": up to four words, no digits, not a URL ("https://…").
const SPEAKER_PREFIX = /^(\p{Lu}[\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,3})\s*:\s+(?!\/\/)(.*)$/u;
const VOICE_TAG = /<v(?:\.[^\s>]*)?\s+([^>]+)>/g;

/**
 * One cue's text lines into segments. A new voice (`<v Name>` or a `Name:` prefix) starts a new
 * segment, so a cue in which two people speak yields two segments with the cue's timing.
 */
function cueSegments(timing: { start: number; end: number }, lines: Line[], carriedSpeaker: string | null = null): CaptionSegment[] {
  const segments: CaptionSegment[] = [];
  let speaker = carriedSpeaker;
  let words: string[] = [];
  const flush = () => {
    const text = words.join(" ").replace(/\s+/g, " ").trim();
    if (text) segments.push({ ...timing, speaker, text });
    words = [];
  };
  for (const line of lines) {
    // Split at every voice tag so "<v A>Hi</v> <v B>Hello</v>" on one line gives two voices.
    const pieces = line.text.split(/(?=<v[\s.])/);
    for (const piece of pieces) {
      const voice = new RegExp(VOICE_TAG.source).exec(piece);
      let rest = piece;
      if (voice) {
        flush();
        speaker = cleanSpeaker(voice[1]!);
        rest = piece.slice(voice.index + voice[0].length);
      }
      const plain = plainText(rest);
      const prefix = voice ? null : SPEAKER_PREFIX.exec(plain);
      if (prefix) {
        flush();
        speaker = cleanSpeaker(prefix[1]!);
        words.push(prefix[2]!);
      } else {
        words.push(plain);
      }
    }
  }
  flush();
  return segments;
}

function cleanSpeaker(raw: string): string {
  return decodeEntities(raw).replace(/\s+/g, " ").trim();
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", lrm: "", rlm: "" };

function decodeEntities(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|apos|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)));
}

/** Cue text without markup: WebVTT tags (<i>, <c.x>, <00:01.000>), SRT's <font>, ASS overrides ({\an8}). */
function plainText(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, "").replace(/\{\\[^}]*\}/g, ""))
    .replace(/\s+/g, " ")
    .trim();
}

/** Everyone who speaks, in order of first appearance. */
export function speakersOf(segments: ReadonlyArray<CaptionSegment>): string[] {
  const seen = new Map<string, string>();
  for (const { speaker } of segments) {
    if (speaker && !seen.has(speaker.toLocaleLowerCase())) seen.set(speaker.toLocaleLowerCase(), speaker);
  }
  return [...seen.values()];
}

/** For reading: a speaker's consecutive segments become one turn of the conversation. */
export function mergeConsecutiveSpeakers(segments: ReadonlyArray<CaptionSegment>): CaptionSegment[] {
  const turns: CaptionSegment[] = [];
  for (const segment of segments) {
    const last = turns.at(-1);
    if (last && last.speaker === segment.speaker) {
      last.end = Math.max(last.end, segment.end);
      last.text = `${last.text} ${segment.text}`;
    } else {
      turns.push({ ...segment });
    }
  }
  return turns;
}

/**
 * "04:07", or "1:04:07" past the hour ("hours" forces that form, so a long meeting's stamps line
 * up); "precise" is the caption-file form used in error messages, "00:04:07.250".
 */
export function formatTimestamp(totalSeconds: number, style: "auto" | "hours" | "precise" = "auto"): string {
  const millis = Math.round(totalSeconds * 1000);
  const whole = Math.floor(millis / 1000);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (style === "precise") return `${pad(h)}:${pad(m)}:${pad(s)}.${String(millis % 1000).padStart(3, "0")}`;
  return h > 0 || style === "hours" ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export type TranscriptTextFormat = "text" | "markdown" | CaptionFormat;

/** A pasted transcript's format, when the person did not say. */
export function detectFormat(text: string): TranscriptTextFormat {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(start)) return "vtt";
  if (/^\d+\s*\r?\n\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/.test(start)) return "srt";
  if (/^#{1,6} |^\s*[-*+] |\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)|^\s*\d+\. /m.test(start)) return "markdown";
  return "text";
}
