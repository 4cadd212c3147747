import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown } from "./safe-markdown";

const render = (markdown: string) => renderToStaticMarkup(<SafeMarkdown>{markdown}</SafeMarkdown>);

describe("security: Markdown (descriptions, transcripts) renders without anything that could run or load", () => {
  it("renders GitHub-flavoured Markdown", () => {
    const html = render("## Why\n\n- **fast** payouts\n- [docs](https://example.com/docs)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~");
    expect(html).toContain("<h2>Why</h2>");
    expect(html).toContain("<strong>fast</strong>");
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain("<table>");
    expect(html).toContain("<del>old</del>");
  });

  it.each([
    ["an image with an event handler", "<img src=x onerror=alert(1)>"],
    ["a script", "<script>alert(1)</script>"],
    ["an inline handler in raw HTML", '<a href="#" onclick="alert(1)">x</a>'],
    ["a javascript: link", "[x](javascript:alert(1))"],
    ["a javascript: autolink in HTML", '<a href="javascript:alert(1)">x</a>'],
    ["a data: URL", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a javascript: image", "![x](javascript:alert(1))"],
  ])("drops %s", (_, markdown) => {
    const html = render(`Before\n\n${markdown}\n\nAfter`);
    expect(html).toContain("Before");
    expect(html).toContain("After");
    expect(html).not.toMatch(/<script|<img|<iframe|\son[a-z]+=|javascript:|data:text/i);
  });

  it("security: never loads third-party images: an image becomes a link", () => {
    const html = render("![chart](https://tracker.example/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://tracker.example/pixel.png"');
    expect(html).toContain(">chart</a>");
  });

  it("security: a reference-style image, an image without alt text and an image inside a link load nothing either", () => {
    const html = render("![logo][l] ![](https://tracker.example/bare.png) [![badge](https://tracker.example/badge.svg)](https://example.com/ci)\n\n[l]: https://tracker.example/logo.png");
    expect(html).not.toMatch(/<img|\ssrc=/);
    expect(html).toMatch(/<a href="https:\/\/tracker\.example\/logo\.png"[^>]*>logo<\/a>/);
    expect(html).toMatch(/<a href="https:\/\/tracker\.example\/bare\.png"[^>]*>https:\/\/tracker\.example\/bare\.png<\/a>/);
    // A link cannot hold another link: the badge is its alt text, inside the link it was.
    expect(html).toMatch(/<a href="https:\/\/example\.com\/ci"[^>]*>badge<\/a>/);
    expect(html).not.toContain("badge.svg");
  });

  it("opens links without handing them the page", () => {
    expect(render("[docs](https://example.com)")).toContain('rel="noopener noreferrer nofollow"');
  });
});
