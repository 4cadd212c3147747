import { describe, expect, it } from "vitest";
import type { DataSource } from "../prompt";
import { citedSources, parseCitations } from "./citations";

const S1: DataSource = { id: "S1", kind: "risk", title: "Card network certification slips", text: "…", url: "/w/acme/risks/r1" };
const S2: DataSource = { id: "S2", kind: "initiative", title: "One-tap checkout", text: "…", url: "/w/acme/initiatives/i1" };
const SOURCES = [S1, S2];

describe("parseCitations", () => {
  it("splits the answer into text and the sources it cites", () => {
    expect(parseCitations("Certification may slip [S1]. Checkout depends on it [S2].", SOURCES)).toEqual([
      { type: "text", text: "Certification may slip " },
      { type: "citation", handle: "S1", source: S1 },
      { type: "text", text: ". Checkout depends on it " },
      { type: "citation", handle: "S2", source: S2 },
      { type: "text", text: "." },
    ]);
  });

  it("reads grouped and lower-case handles as separate citations", () => {
    const citations = (answer: string) => parseCitations(answer, SOURCES).filter((part) => part.type === "citation");
    for (const answer of ["Both [S1, S2]", "Both [S1; S2]", "Both [S1][S2]", "Both [ s1 , s2 ]"]) {
      expect(citations(answer), answer).toEqual([
        { type: "citation", handle: "S1", source: S1 },
        { type: "citation", handle: "S2", source: S2 },
      ]);
    }
  });

  it("returns a handle it was never given without a source, to be shown as plain text", () => {
    expect(parseCitations("Made up [S9].", SOURCES)).toEqual([
      { type: "text", text: "Made up " },
      { type: "citation", handle: "S9", source: null },
      { type: "text", text: "." },
    ]);
  });

  it("leaves other bracketed text alone: placeholders, references, a half-streamed handle", () => {
    for (const answer of ["Ask [PERSON_1] [see below]", "Pending [S1", "Range [S1-S2]", "Not a handle [S]"]) {
      expect(parseCitations(answer, SOURCES), answer).toEqual([{ type: "text", text: answer }]);
    }
    expect(parseCitations("", SOURCES)).toEqual([]);
  });
});

describe("citedSources", () => {
  it("lists each cited source once, in the order it is first cited, without unknown handles", () => {
    expect(citedSources("A [S2]. B [S1][S9]. C [S2].", SOURCES)).toEqual([S2, S1]);
    expect(citedSources("No citations here.", SOURCES)).toEqual([]);
  });
});
