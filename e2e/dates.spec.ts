import { randomBytes } from "node:crypto";
import { insertWorkspace } from "./support/seed";
import { expect, test } from "./support/fixtures";

// Issue 13 item 4: the server renders dates and the browser hydrates them. A browser far from UTC,
// with another default locale, must print the very same words, or React finds a hydration mismatch.
test.use({ timezoneId: "Pacific/Kiritimati", locale: "de-DE" });

test("a browser fourteen hours ahead of UTC hydrates every date exactly as the server printed it", async ({ page, db, createUser, login }) => {
  const owner = await createUser({ name: "Tala Tuilagi" });
  const workspace = await insertWorkspace(db, owner.id, "Date Line Traders");
  const workspace_id = workspace.id;
  // A minute before midnight UTC: already 1 October in Kiribati.
  const beforeMidnight = new Date("2026-09-30T23:59:00Z");
  const initiative = await db.insertInto("initiatives").values({ workspace_id, title: "Instant payouts", updated_at: beforeMidnight }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("risks").values({ workspace_id, title: "Card scheme fee rise", likelihood: 5, impact: 5, due_date: "2026-09-30" }).execute();
  await db
    .insertInto("invitations")
    .values({ workspace_id, email: "newcomer@example.com", role: "editor", token_hash: randomBytes(32), invited_by: owner.id, expires_at: beforeMidnight })
    .execute();
  await login(owner);

  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });

  const navigation = page.getByRole("navigation", { name: "Workspace" });
  const pages = [
    { path: "", text: "due 30 Sep 2026" },
    { path: "/initiatives", text: "30 Sep 2026" },
    { path: `/initiatives/${initiative.id}`, text: "30 Sep 2026" },
    { path: "/settings/members", text: "expires 30 Sep 2026" },
  ];
  for (const { path, text } of pages) {
    await page.goto(`/w/${workspace.slug}${path}`);
    await expect(page.getByText(text).first(), path).toBeVisible();
    // A client-side navigation is reported by an effect, and effects run only once hydration has
    // committed: by then React has reported any mismatch between the server's text and the browser's.
    const reported = page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === "/usage");
    await navigation.getByRole("link", { name: "Personas", exact: true }).click();
    await reported;
  }
  expect(problems).toEqual([]);

  // Rendered by the browser alone this time (a client-side navigation): the same words again.
  await navigation.getByRole("link", { name: "Initiatives", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: "Instant payouts" })).toContainText("30 Sep 2026");
});
