import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { createElement } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutStrayNulBytes } from "./html-stream.server";

/** Streams an element as entry.server.tsx does, optionally through the filter. */
function stream(element: ReturnType<typeof createElement>, filter: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const body = new PassThrough();
        const output = filter ? body.pipe(withoutStrayNulBytes()) : body;
        text(output).then(resolve, reject);
        pipe(body);
      },
      onError: reject,
    });
  });
}

describe("the streamed HTML", () => {
  // Short chunks fill React's 2,048-byte buffer to its last bytes, then "”" (three bytes) straddles the edge.
  const paragraphs = [600, 600, 600, 192].map((length, index) => createElement("p", { key: index }, "a".repeat(length)));
  const page = createElement("div", null, ...paragraphs, createElement("p", { key: "title" }, "“Standup 3 March”"));

  it("shows React 18's stray zero byte at a buffer edge without the filter (the bug it guards against)", async () => {
    expect(await stream(page, false)).toContain("\0");
  });

  it("is byte for byte what renderToString gives once the filter drops the stray zero", async () => {
    expect(await stream(page, true)).toBe(renderToString(page));
  });
});
