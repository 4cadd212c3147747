import { describe, expect, it } from "vitest";
import { initials, speakerColours } from "./speaker-colours";

describe("speaker colours", () => {
  it("gives each speaker of a meeting its own colour, the same wherever the name appears", () => {
    const colourOf = speakerColours(["Priya Shah", "Marco Bianchi", "Hannah Okafor", "priya shah"]);
    const colours = ["Priya Shah", "Marco Bianchi", "Hannah Okafor"].map((name) => colourOf(name).name);
    expect(new Set(colours).size).toBe(3);
    expect(colourOf("PRIYA SHAH")).toEqual(colourOf("Priya Shah"));
    expect(colourOf(null)).toEqual(colourOf("Someone not listed"));
  });

  it("makes initials from the first and last names", () => {
    expect(initials("Priya Shah")).toBe("PS");
    expect(initials("Anne-Marie van der Berg")).toBe("AB");
    expect(initials("Ólafur")).toBe("Ó");
  });
});
