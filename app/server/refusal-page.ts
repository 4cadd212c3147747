import type { Response } from "express";

/** A piece of a paragraph: text, or something to type (a setting, an address), shown as code. */
export type PagePart = string | { code: string };

/**
 * The page for what Express refuses before Remix runs (a form from another origin, a body over its limit):
 * a person who posted a form sees what happened and what to do, not a line of plain text. No script and
 * no inline style, so the CSP already set on this response holds as it is.
 */
export function sendRefusalPage(res: Response, status: number, title: string, paragraphs: PagePart[][]): void {
  const text = paragraphs.map((parts) => `<p>${parts.map((part) => (typeof part === "string" ? escapeHtml(part) : `<code>${escapeHtml(part.code)}</code>`)).join("")}</p>`);
  res
    .status(status)
    .type("html")
    .send(
      [
        "<!DOCTYPE html>",
        '<html lang="en">',
        `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Bearing</title></head>`,
        `<body><main><p>${status}</p><h1>${escapeHtml(title)}</h1>`,
        ...text,
        '<p><a href="/">Back to Bearing</a></p></main></body>',
        "</html>",
      ].join("\n"),
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
