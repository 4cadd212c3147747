import bcrypt from "bcrypt";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { confirmEmail, fieldErrors, logIn, signUp, visibleText } from "../../server/testing";
import { POLICY_VERSION } from "./policies";

const env = setUpTestApp();
const usersWithEmail = (email: string) =>
  env.db.selectFrom("users").selectAll().where(sql`lower(email)`, "=", email.toLowerCase()).execute();

/** Every row of every table of the public schema, as PostgreSQL prints it. */
async function everyRowAsText(): Promise<string> {
  const tables = await env.db
    .selectFrom("information_schema.tables" as never)
    .select(sql<string>`table_name`.as("name"))
    .where(sql`table_schema`, "=", "public")
    .where(sql`table_type`, "=", "BASE TABLE")
    .execute();
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["users", "sessions", "email_tokens"]));
  const dumps = await Promise.all(
    tables.map(({ name }) => sql<{ row: string }>`select t::text as row from ${sql.table(name)} t`.execute(env.db)),
  );
  return dumps.flatMap((dump) => dump.rows.map((r) => r.row)).join("\n");
}

describe("privacy promise 1: passwords are stored only as bcrypt hashes with work factor 12", () => {
  it("keeps a $2b$12$ hash that verifies, and the password in no column of any table", async () => {
    const user = { name: "Grace Hopper", email: "grace@example.com", password: "compiler moth nanosecond 1952" };
    const browser = env.app.newBrowser();
    const since = Date.now();
    expect((await signUp(browser, user)).status).toBe(302);
    await confirmEmail(env.app, browser, user.email, since);
    expect((await logIn(env.app.newBrowser(), user)).status).toBe(302);

    const [row] = await usersWithEmail(user.email);
    expect(row?.password_hash).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    expect(await bcrypt.compare(user.password, row!.password_hash!)).toBe(true);
    expect(await bcrypt.compare("another password entirely", row!.password_hash!)).toBe(false);

    const everything = await everyRowAsText();
    expect(everything).toContain(user.email);
    expect(everything).not.toContain(user.password);
    expect(everything).not.toContain(Buffer.from(user.password).toString("hex"));
  });
});

describe("privacy promise 9: users under 16 cannot sign up", () => {
  const person = { name: "Young Person", email: "young@example.com", password: "kite river lantern 88" };

  it("refuses a sign-up without “I am 16 or older” with 400 and the field message, and creates no user", async () => {
    const response = await signUp(env.app.newBrowser(), person, { ageConfirmed: false });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "ageConfirmed")).toEqual(["You must be 16 or older to use Bearing."]);
    expect(await usersWithEmail(person.email)).toHaveLength(0);
  });

  it("refuses a sign-up that does not accept the Terms and the Privacy Policy, and creates no user", async () => {
    const response = await signUp(env.app.newBrowser(), person, { acceptPolicies: false });
    expect(response.status).toBe(400);
    expect(fieldErrors(await response.text(), "acceptPolicies")).toEqual(["Accept the Terms and the Privacy Policy to continue."]);
    expect(await usersWithEmail(person.email)).toHaveLength(0);
  });

  it("stores when the age was confirmed and which policy version was accepted", async () => {
    const before = new Date();
    const response = await signUp(env.app.newBrowser(), { ...person, email: "sixteen@example.com" });
    expect(response.status).toBe(302);
    const [row] = await usersWithEmail("sixteen@example.com");
    expect(row?.policy_version).toBe(POLICY_VERSION);
    for (const at of [row!.age_confirmed_at, row!.policies_accepted_at]) {
      expect(at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
      expect(at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });
});

describe("sign-up validation", () => {
  // A name in no dictionary, so that only the rule about the user's own data can refuse it.
  const person = { name: "Zephyrine Quarterbaum", email: "zephyrine@example.com" };

  it.each([
    ["too short", "apollo11", "Use at least 10 characters."],
    ["longer than bcrypt's 72 bytes", "x".repeat(73), "Use at most 72 bytes: letters without accents and digits count 1 each, accented letters 2, € and most emoji 3 or 4."],
    ["a common password", "password1234", /common/i],
    ["the user's own name run together", "zephyrinequarterbaum", /personal/],
    ["the user's own name reversed", "QuarterbaumZephyrine", /personal/],
  ])("refuses a password that is %s with a reason, keeping the name and email but never the password", async (_, password, reason) => {
    const response = await signUp(env.app.newBrowser(), { ...person, password });
    expect(response.status).toBe(400);
    const html = await response.text();
    const [message, ...more] = fieldErrors(html, "password");
    expect(more).toEqual([]);
    if (typeof reason === "string") expect(message).toBe(reason);
    else expect(message).toMatch(reason);
    expect(html).toContain(`value="${person.name}"`);
    expect(html).toContain(`value="${person.email}"`);
    expect(html).not.toContain(password);
    expect(await usersWithEmail(person.email)).toHaveLength(0);
  });

  it("refuses an invalid email and a missing name with their own field messages", async () => {
    const response = await signUp(env.app.newBrowser(), { name: "", email: "not-an-email", password: "quiet harbour 2049 lamps" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldErrors(html, "name")).toEqual(["Enter your name."]);
    expect(fieldErrors(html, "email")).toEqual(["Enter an email address like name@example.com."]);
  });

  it("answers a duplicate email exactly as a new one, and tells only the existing owner", async () => {
    const owner = { name: "Katherine Johnson", email: "katherine@example.com", password: "orbital mechanics 1962 friendship" };
    const first = await signUp(env.app.newBrowser(), owner);
    const since = Date.now();
    const duplicate = await signUp(env.app.newBrowser(), { name: "Impostor", email: "KATHERINE@example.com", password: "someone else entirely 77" });
    const fresh = await signUp(env.app.newBrowser(), { name: "Dorothy Vaughan", email: "dorothy@example.com", password: "fortran ibm 7090 west" });

    for (const response of [first, duplicate, fresh]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/verify-email?sent=1");
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const notice = await env.app.mailbox.waitFor(owner.email, { subject: /already have a Bearing account/, since });
    expect(notice.text).toContain(`${env.app.url}/login`);
    expect(notice.text).not.toContain("someone else entirely");

    const rows = await usersWithEmail(owner.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.name).toBe(owner.name);
    expect(await bcrypt.compare(owner.password, rows[0]!.password_hash!)).toBe(true);
  });

  it("shows the sign-up form with its labelled fields", async () => {
    const text = visibleText(await (await env.app.request("/signup")).text());
    for (const label of ["Name", "Email", "Password", "I am 16 or older", "I accept the Terms and the Privacy Policy"]) {
      expect(text).toContain(label);
    }
  });
});
