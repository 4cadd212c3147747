import { randomBytes } from "node:crypto";
import type { Database } from "../../db/database";
import type { Role } from "../../db/schema";
import { POLICY_VERSION } from "../modules/accounts/policies";
import { createWorkspace } from "../modules/workspaces/workspaces.server";
import { createSession, SESSION_COOKIE } from "../services/session.server";
import type { Browser, TestApp } from "./testing";

export interface SeededMember {
  id: string;
  name: string;
  email: string;
  browser: Browser;
}

export type SeededWorkspace = { id: string; slug: string; name: string } & Record<Role, SeededMember>;

/**
 * A workspace with one signed-in member per role, written straight to the database (the login
 * fixture pattern): tests of product data need people, not the sign-up flow, which has its own tests.
 */
export async function seedWorkspace(app: TestApp, db: Database, name = "Northwind Payments"): Promise<SeededWorkspace> {
  const suffix = randomBytes(3).toString("hex");
  const members = {} as Record<Role, SeededMember>;
  for (const role of ["owner", "admin", "editor", "viewer"] as const) {
    const email = `${role}-${suffix}@example.com`;
    const user = await db
      .insertInto("users")
      .values({
        email,
        name: `${role[0]!.toUpperCase()}${role.slice(1)} ${suffix}`,
        email_verified_at: new Date(),
        age_confirmed_at: new Date(),
        policies_accepted_at: new Date(),
        policy_version: POLICY_VERSION,
      })
      .returning(["id", "name", "email"])
      .executeTakeFirstOrThrow();
    const browser = app.newBrowser();
    const { token } = await createSession(db, user.id);
    browser.cookies.set(SESSION_COOKIE, token);
    members[role] = { ...user, browser };
  }
  const workspace = await createWorkspace(db, members.owner.id, name);
  await db
    .insertInto("memberships")
    .values((["admin", "editor", "viewer"] as const).map((role) => ({ workspace_id: workspace.id, user_id: members[role].id, role })))
    .execute();
  return { id: workspace.id, slug: workspace.slug, name: workspace.name, ...members };
}
