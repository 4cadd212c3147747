import { createHash, randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import bcrypt from "bcrypt";
import { sql } from "kysely";
import { POLICY_VERSION } from "../../app/modules/accounts/policies";
import type { Database } from "../../db/database";
import type { Role } from "../../db/schema";

/**
 * Rows written straight into the test database, for specs whose subject is not how those rows came
 * to be (the Epic Stack way: only the specs about signing up and logging in click through them).
 * Written against the tables, not the app's modules, so a spec never depends on the code it checks.
 */

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** Strong enough for zxcvbn, so a spec can also type it into the login form. */
export const TEST_PASSWORD = "velvet-harbour-compass-lantern";

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.com`;
}

export async function insertUser(
  db: Database,
  { name = "Test User", email = uniqueEmail("user"), password = TEST_PASSWORD, verified = true } = {},
): Promise<TestUser> {
  const now = new Date();
  const { id } = await db
    .insertInto("users")
    .values({
      name,
      email,
      // PRODUCT.md §6 promise 1: the same algorithm and work factor as sign-up.
      password_hash: await bcrypt.hash(password, 12),
      email_verified_at: verified ? now : null,
      age_confirmed_at: now,
      policies_accepted_at: now,
      policy_version: POLICY_VERSION,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, name, email, password };
}

/**
 * A session as the app creates one (app/services/session.server.ts): the cookie holds
 * `<id>.<secret>`, the row holds the id and the secret's SHA-256.
 */
export async function insertSession(db: Database, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
  const expiresAt = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  await db
    .insertInto("sessions")
    .values({ id, secret_hash: createHash("sha256").update(secret).digest(), user_id: userId, expires_at: expiresAt })
    .execute();
  return { token: `${id}.${secret}`, expiresAt };
}

export async function insertWorkspace(db: Database, ownerId: string, name: string): Promise<{ id: string; slug: string }> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomBytes(3).toString("hex")}`;
  const workspace = await db.insertInto("workspaces").values({ name, slug }).returning(["id", "slug"]).executeTakeFirstOrThrow();
  await addMember(db, workspace.id, ownerId, "owner");
  await db.updateTable("users").set({ last_workspace_id: workspace.id }).where("id", "=", ownerId).execute();
  return workspace;
}

export async function addMember(db: Database, workspaceId: string, userId: string, role: Role): Promise<void> {
  await db.insertInto("memberships").values({ workspace_id: workspaceId, user_id: userId, role }).execute();
}

export function findUserByEmail(db: Database, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "email_verified_at"])
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export function countSessions(db: Database, userId: string): Promise<number> {
  return db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow()
    .then((row) => row.count);
}
