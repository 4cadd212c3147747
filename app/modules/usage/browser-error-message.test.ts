import { describe, expect, it } from "vitest";
import { browserErrorMessage } from "./browser-error-message";

describe("a browser error report", () => {
  it("keeps the error's kind and first line", () => {
    expect(browserErrorMessage(new TypeError("Cannot read properties of undefined (reading 'map')\n    at D (x.js:1:2)"))).toBe(
      "TypeError: Cannot read properties of undefined (reading '…')",
    );
    expect(browserErrorMessage("Script error.")).toBe("Script error.");
  });

  it("cuts out the text an error quotes, such as a model's answer that was not JSON", () => {
    let parseError: unknown;
    try {
      JSON.parse("The risks are: payouts slip past the December freeze");
    } catch (error) {
      parseError = error;
    }
    const message = browserErrorMessage(parseError);
    expect(message).toMatch(/^SyntaxError: /);
    expect(message).not.toContain("payouts");
    expect(message).not.toContain("December");
  });

  it("cuts out anything shaped like a key or token", () => {
    const message = browserErrorMessage(new Error("Incorrect API key provided: sk-proj-Abc123Def456Ghi789Jkl012Mno. You can find your key at platform"));
    expect(message).not.toContain("Abc123Def456");
    expect(message).toBe("Error: Incorrect API key provided: … You can find your key at platform");
  });
});
