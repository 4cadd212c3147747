import { randomBytes } from "node:crypto";
import type { Database } from "../../../../db/database";
import { createWorkspaceAs, type TestApp } from "../../../server/testing";
import { seedWorkspace, type SeededWorkspace } from "../../../server/testing-workspace";
import { userWithTwoFactor, type TwoFactorUser } from "../../../services/two-factor/testing";

export interface SeededPerson extends TwoFactorUser {
  id: string;
  /** Owned by the person alone, with one other member: deleted with the account. */
  lab: { id: string; slug: string };
  /** The person is an admin here; another person owns it: it stays. */
  team: SeededWorkspace;
  /** The person co-owns it and soft-deleted it: it stays (another owner may restore it). */
  shared: SeededWorkspace;
}

const bytes = () => randomBytes(32);
const VISION = { mission: "", target_customers: "", principles: "", north_star_metric: "" };
const PERSONA = { segment: "", goals: "", pains: "", jobs_to_be_done: "", quote: "" };
const COMPETITOR = { website: "", positioning: "", strengths: "", weaknesses: "", pricing_notes: "", threat_level: "high" as const };

/**
 * A person with a row in every table that can refer to them, in every column that can: signed up,
 * verified and two-factor enabled through the real forms, their own workspace made through its form;
 * the rest written straight to the database, since each product form has its own tests.
 */
export async function seedPersonEverywhere(app: TestApp, db: Database, name: string): Promise<SeededPerson> {
  const person = await userWithTwoFactor(app, name);
  const { id } = await db.selectFrom("users").select("id").where("email", "=", person.email).executeTakeFirstOrThrow();
  const labSlug = await createWorkspaceAs(person.browser, `${name}'s Lab`);
  const lab = await db.selectFrom("workspaces").select(["id", "slug"]).where("slug", "=", labSlug).executeTakeFirstOrThrow();
  const team = await seedWorkspace(app, db, "Northwind Payments");
  const shared = await seedWorkspace(app, db, "Globex Shared");

  await db
    .insertInto("memberships")
    .values([
      { workspace_id: lab.id, user_id: team.viewer.id, role: "viewer" },
      { workspace_id: team.id, user_id: id, role: "admin" },
      { workspace_id: shared.id, user_id: id, role: "owner" },
    ])
    .execute();
  await db.updateTable("workspaces").set({ deleted_at: new Date(), deleted_by: id }).where("id", "=", shared.id).execute();

  await db.insertInto("oauth_accounts").values({ user_id: id, provider: "google", subject: `google-${id}`, email: person.email }).execute();
  await db.insertInto("oauth_signups").values({
    id: randomBytes(8).toString("hex"), secret_hash: bytes(), provider: "microsoft", subject: "ms-pending", email: person.email.toUpperCase(),
    email_verified: true, name, expires_at: new Date(Date.now() + 600_000),
  }).execute();
  await db.insertInto("email_tokens").values({ token_hash: bytes(), user_id: id, purpose: "reset_password", email: person.email, expires_at: new Date(Date.now() + 3_600_000) }).execute();
  await db.insertInto("policy_acceptances").values({ user_id: id, version: "2026-01-01" }).onConflict((oc) => oc.doNothing()).execute();

  const other = team.owner.id;
  const w = team.id;
  const week = new Date(Date.now() + 7 * 86_400_000);
  await db.insertInto("invitations").values([
    { workspace_id: w, email: "newcomer@example.com", role: "editor", token_hash: bytes(), invited_by: id, expires_at: week },
    // An invitation to the person's address, by someone else: it names them without a foreign key.
    { workspace_id: shared.id, email: person.email, role: "viewer", token_hash: bytes(), invited_by: shared.owner.id, expires_at: week },
  ]).execute();
  await db.insertInto("vision_versions").values({ workspace_id: w, number: 1, statement: "Payments anyone can trust", ...VISION, created_by: id }).execute();
  await db.insertInto("personas").values([
    { workspace_id: w, name: "Finance lead", ...PERSONA, created_by: id, updated_by: other },
    { workspace_id: w, name: "Store owner", ...PERSONA, created_by: other, updated_by: id },
  ]).execute();
  await db.insertInto("competitors").values([
    { workspace_id: w, name: "Stripe", ...COMPETITOR, created_by: id, updated_by: id },
    { workspace_id: w, name: "Adyen", ...COMPETITOR, created_by: other, updated_by: id },
  ]).execute();
  await db.insertInto("initiatives").values([
    { workspace_id: w, title: "One-click refunds", owner_id: id, created_by: other, updated_by: other },
    { workspace_id: w, title: "Faster payouts", created_by: id, updated_by: id },
    { workspace_id: w, title: "Dispute inbox", created_by: other, updated_by: id },
    { workspace_id: lab.id, title: "Lab experiment", created_by: id, updated_by: id, owner_id: id },
  ]).execute();
  await db.insertInto("roadmap_items").values([
    { workspace_id: w, title: "Refunds beta", description: "", lane: "now", position: "a0", created_by: id, updated_by: other },
    { workspace_id: w, title: "Payout API", description: "", lane: "next", position: "a0", created_by: other, updated_by: id },
  ]).execute();
  await db.insertInto("roadmap_shares").values({ workspace_id: w, token_hash: bytes(), created_by: id }).execute();
  await db.insertInto("transcripts").values([
    { workspace_id: w, title: "Kick-off", content: "We start with refunds.", created_by: id, updated_by: other },
    { workspace_id: w, title: "Review", content: "Payouts next.", created_by: other, updated_by: id },
  ]).execute();
  await db.insertInto("risks").values([
    { workspace_id: w, title: "Card scheme rules change", likelihood: 3, impact: 4, owner_id: id, created_by: other, updated_by: other },
    { workspace_id: w, title: "Fraud spike", likelihood: 2, impact: 5, created_by: id, updated_by: id },
  ]).execute();
  await db.insertInto("activity_events").values({ workspace_id: w, actor_id: id, action: "created", entity_type: "initiative", entity_id: w, entity_title: "Faster payouts" }).execute();
  await db.insertInto("integration_connections").values({ workspace_id: w, provider: "slack", account_name: "Northwind", connected_by: id }).execute();
  await db.insertInto("integration_jobs").values({ workspace_id: w, kind: "jira.import", status: "succeeded", created_by: id }).execute();

  return { ...person, id, lab, team, shared };
}
