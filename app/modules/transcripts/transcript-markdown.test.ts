import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";

// A Markdown transcript (pasted, uploaded, or a Notion page) is read by everyone in the workspace:
// an image in it must not make their browsers fetch a third party's address (a tracking pixel that
// learns who read the meeting notes, and when), as initiative descriptions already ensure (issue 12, item 5).

const env = setUpTestApp({ team: "Northwind Payments" });

async function transcriptSection(content: string) {
  const response = await env.team.editor.browser.postForm(`/w/${env.team.slug}/transcripts/new`, { title: "Vendor call", format: "markdown", content });
  expect(response.status).toBe(302);
  const page = await (await env.team.viewer.browser.request(response.headers.get("location")!)).text();
  // The page's own scripts carry the loader data (the raw text, escaped): only the rendered transcript counts.
  return page.match(/<section aria-label="Transcript"[\s\S]*?<\/section>/)![0];
}

describe("security: transcript Markdown loads nothing from other hosts", () => {
  it("security: an image in a transcript renders as a link to it, with its alt text, and no <img> at all", async () => {
    const html = await transcriptSection(
      [
        "Notes from the vendor call",
        "![pricing chart](https://evil.example/p.png)",
        "![](https://evil.example/no-alt.png)",
        "![logo][logo]",
        "[![status badge](https://evil.example/badge.svg)](https://example.com/status)",
        '<img src="https://evil.example/raw.png" alt="raw">',
        "",
        "[logo]: https://evil.example/reference.png",
      ].join("\n\n"),
    );
    expect(html).toContain("Notes from the vendor call");
    expect(html).not.toMatch(/<img|<picture|<source|<video|<audio|srcset=|\ssrc="/i);
    expect(html).toMatch(/<a href="https:\/\/evil\.example\/p\.png"[^>]*>pricing chart<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/evil\.example\/no-alt\.png"[^>]*>https:\/\/evil\.example\/no-alt\.png<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/evil\.example\/reference\.png"[^>]*>logo<\/a>/);
    expect(html).toContain("status badge");
    expect(html).not.toContain("raw.png");
  });

  it("security: links open without handing over the page, and javascript: links and images lose their address", async () => {
    const html = await transcriptSection("[docs](https://example.com/docs)\n\n[run](javascript:alert(1))\n\n![x](javascript:alert(2))\n\n[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)");
    expect(html).toMatch(/<a href="https:\/\/example\.com\/docs" rel="noopener noreferrer nofollow" target="_blank">docs<\/a>/);
    expect(html).not.toMatch(/<img|javascript:|data:text/i);
    expect(html).toContain("run");
  });
});
