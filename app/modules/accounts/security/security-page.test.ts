import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../../server/test-context";
import { visibleText } from "../../../server/testing";
import { sectionText, SECURITY_PAGE, seedPerson } from "./security-page.testing";

const env = setUpTestApp();

describe("Settings → Security: the page", () => {
  it("has its four sections, each a landmark named by its heading, with forms that post without JavaScript", async () => {
    const { browser } = await seedPerson(env.app, env.db, { name: "Barbara Liskov", email: "barbara@example.com", password: "substitution clu 1974 abstraction" });
    const response = await browser.request(SECURITY_PAGE);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(visibleText(html)).not.toContain("This part of Bearing is being built.");
    const headings = [...html.matchAll(/<section\b[^>]*aria-labelledby="([^"]+)"[\s\S]*?<h2\b[^>]*id="\1"[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => visibleText(m[2] ?? ""));
    expect(headings).toEqual(["Password", "Two-factor authentication", "Sessions", "Sign-in methods"]);
    for (const title of headings) expect(sectionText(html, title)).not.toBe("");
    // Plain HTML forms posting back to this page: no form relies on a script to submit.
    const forms = [...html.matchAll(/<form\b[^>]*>/g)].map((m) => m[0]);
    expect(forms.length).toBeGreaterThan(1);
    for (const form of forms) {
      expect(form).toMatch(/method="post"/);
      expect(form).not.toMatch(/action="(?!\/settings\/security")/);
    }
  });

  it("hands two-factor forms to the two-factor section, and refuses an intent no section knows", async () => {
    const { browser } = await seedPerson(env.app, env.db, { name: "Frances Allen", email: "frances@example.com", password: "optimizing compilers 1966 ibm" });
    const start = await browser.postForm(SECURITY_PAGE, { intent: "two-factor-start" });
    expect(start.status).toBe(200);
    expect(sectionText(await start.text(), "Two-factor authentication")).toContain("Scan this QR code with your authenticator app.");

    const unknown = await browser.postForm(SECURITY_PAGE, { intent: "make-me-admin" });
    expect(unknown.status).toBe(400);
    expect(visibleText(await unknown.text())).toContain("This form is not one the security page knows.");
  });

  it("sends someone who is not signed in to log in, and back here afterwards", async () => {
    const response = await env.app.newBrowser().request(SECURITY_PAGE);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(SECURITY_PAGE)}`);
  });
});
