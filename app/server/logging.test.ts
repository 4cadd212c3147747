import { describe, expect, it } from "vitest";
import { setUpTestApp } from "./test-context";
import { confirmEmail, createWorkspaceAs, linkFromEmail, logIn, signUp } from "./testing";

const env = setUpTestApp();
describe("structured logs", () => {
  it("never contain a password, an email token, a session cookie or a Set-Cookie header, through a whole account flow", async () => {
    const user = { name: "Log Watcher", email: "watcher@example.com", password: "silent observer 8086 ledger" };
    const newPassword = "second secret 6502 archive";
    const wrongPassword = "a wrong guess 1234 typo";
    const secrets: string[] = [user.password, newPassword, wrongPassword];
    const browser = env.app.newBrowser();

    let since = Date.now();
    expect((await signUp(browser, user)).status).toBe(302);
    const verification = await confirmEmail(env.app, browser, user.email, since);
    expect(verification.response.status).toBe(302);
    secrets.push(verification.token);

    const slug = await createWorkspaceAs(browser, "Quiet Logs");
    since = Date.now();
    await browser.postForm(`/w/${slug}/settings/members`, { intent: "invite", email: "invitee@example.com", role: "editor" });
    const invitation = await linkFromEmail(env.app, "invitee@example.com", /invited you/, "/invitations/", since);
    secrets.push(invitation.token);
    expect((await browser.request(invitation.path)).status).toBe(200);

    expect((await browser.postForm("/logout", {})).status).toBe(302);
    expect((await logIn(browser, { email: user.email, password: wrongPassword })).status).toBe(400);
    expect((await logIn(browser, user)).status).toBe(302);

    since = Date.now();
    expect((await browser.postForm("/forgot-password", { email: user.email })).status).toBe(200);
    const reset = await linkFromEmail(env.app, user.email, /Reset your Bearing password/, "/reset-password", since);
    secrets.push(reset.token);
    expect((await browser.request(reset.path)).status).toBe(200);
    expect((await browser.postForm(reset.path, { token: reset.token, password: newPassword })).status).toBe(302);
    expect((await logIn(browser, { email: user.email, password: newPassword })).status).toBe(302);
    const last = await browser.request(`/w/${slug}`);
    expect(last.status).toBe(200);
    await last.text();

    for (const header of browser.setCookieHeaders) {
      secrets.push(header);
      const value = header.split(";")[0]!.split("=")[1]!;
      if (value) secrets.push(value, value.split(".")[1]!);
    }
    expect(browser.setCookieHeaders.length).toBeGreaterThanOrEqual(4);

    const logs = env.app.logs.join("");
    expect(logs).toContain(`"path":"/verify-email"`);
    expect(logs).toContain(`"path":"/reset-password"`);
    expect(logs).toContain(`"path":"/invitations/[token]"`);
    for (const secret of secrets) expect(logs, `a log line holds ${secret}`).not.toContain(secret);
  });

  it("writes one JSON line per request, with its request id, method, path (never the query) and status", async () => {
    const response = await env.app.request("/reset-password?token=supersecretquerytoken");
    await response.text(); // the line is written once the answer is complete
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[\w-]{8,64}$/);
    const lines = env.app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = lines.find((line) => line.requestId === requestId && line.msg === "request");
    expect(entry).toMatchObject({ method: "GET", path: "/reset-password", status: 200, service: "bearing" });
    expect(env.app.logs.join("")).not.toContain("supersecretquerytoken");
  });
});
