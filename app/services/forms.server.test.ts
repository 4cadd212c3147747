import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formText, parseIntent } from "./forms.server";

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("remove-link"), linkId: formText }),
  z.object({ intent: z.literal("move"), version: z.coerce.number({ error: "Reload the board." }).int().min(1, "Reload the board.") }),
]);

function form(entries: Array<[string, string | Blob]>) {
  const body = new FormData();
  for (const [name, value] of entries) body.append(name, value);
  return body;
}

describe("parseIntent", () => {
  it("returns the intent with its own fields, typed, and leaves out fields the intent does not have", () => {
    expect(parseIntent(form([["intent", "remove-link"], ["linkId", "abc"], ["other", "x"]]), intents)).toEqual({ intent: "remove-link", linkId: "abc" });
    expect(parseIntent(form([["intent", "move"], ["version", "3"]]), intents)).toEqual({ intent: "move", version: 3 });
  });

  it("reads a missing text field as empty, and the first of repeated values, as FormData.get does", () => {
    expect(parseIntent(form([["intent", "remove-link"]]), intents)).toEqual({ intent: "remove-link", linkId: "" });
    expect(parseIntent(form([["intent", "remove-link"], ["linkId", "first"], ["linkId", "second"]]), intents)).toMatchObject({ linkId: "first" });
    expect(parseIntent(new URLSearchParams("intent=remove-link&linkId=a"), intents)).toMatchObject({ linkId: "a" });
  });

  it("answers an intent the page does not know, or none, with 400 Unknown action and the page's message", () => {
    for (const entries of [[["intent", "archive"]], []] as Array<Array<[string, string]>>) {
      expect(() => parseIntent(form(entries), intents, "This page only knows how to delete.")).toThrow(
        expect.objectContaining({ status: 400, title: "Unknown action", message: "This page only knows how to delete." }),
      );
    }
  });

  it("answers a field that does not fit its intent, or a file where text belongs, with 400 and the schema's message", () => {
    expect(() => parseIntent(form([["intent", "move"], ["version", "zero"]]), intents)).toThrow(expect.objectContaining({ status: 400, message: "Reload the board." }));
    expect(() => parseIntent(form([["intent", "move"], ["version", "0"]]), intents)).toThrow(expect.objectContaining({ status: 400, message: "Reload the board." }));
    expect(() => parseIntent(form([["intent", "remove-link"], ["linkId", new Blob(["x"])]]), intents)).toThrow(expect.objectContaining({ status: 400, title: "Form not understood" }));
  });
});
