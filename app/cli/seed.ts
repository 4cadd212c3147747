// `npm run db:seed`: migrates, then creates the demo accounts (through the app's own functions) and
// the demo workspace's product data (app/cli/seed/), in the shape the app writes it. Safe to run again:
// every step finds what an earlier run made instead of making it twice.
// `npm run db:seed -- --scale N` also makes the benchmark workspace "Scale N" (app/cli/seed/scale.ts).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import type { Database } from "../../db/database";
import type { Role, User, Workspace } from "../../db/schema";
import { findUserByEmail, registerUser } from "../modules/accounts/accounts.server";
import { createWorkspace } from "../modules/workspaces/workspaces.server";
import { hashPassword, verifyPassword } from "../services/password.server";
import { CliError, failed, openMigratedDatabase } from "./migrate";
import { seedDemoProduct } from "./seed/demo-product";
import { seedScale, type ScaleCounts } from "./seed/scale";

const USAGE = `Usage: npm run db:seed [-- --scale N] [-- --help]

Migrates the database (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR) and creates,
unless they exist, a verified demo account and the workspace "Acme Checkout" with two more members
and a demo product: vision, personas, competitors, initiatives, roadmap, risks and transcripts.

  --scale N   also create the workspace "Scale N" for benchmarks: N initiatives, 2N risks,
              N/5 roadmap items (1 to 1,000,000).`;

const MAX_SCALE = 1_000_000;

// Known on purpose: this is demo data for a local database. Never seed a production database.
const DEMO_PASSWORD = "bearing-demo-compass";
const WORKSPACE = { name: "Acme Checkout", slug: "acme-checkout" };
const PEOPLE: ReadonlyArray<{ name: string; email: string; role: Role }> = [
  { name: "Dana Demo", email: "demo@bearing.local", role: "owner" },
  { name: "Eli Editor", email: "editor@bearing.local", role: "editor" },
  { name: "Vera Viewer", email: "viewer@bearing.local", role: "viewer" },
];

export interface SeedOptions {
  help: boolean;
  scale?: number;
}

/** Parses the command line; an unknown flag or a stray argument stops the run with the usage. */
export function parseSeedArgs(args: string[]): SeedOptions {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { help: { type: "boolean", short: "h", default: false }, scale: { type: "string" } },
    });
    if (values.scale === undefined) return { help: values.help };
    const scale = Number(values.scale);
    if (!/^\d+$/.test(values.scale) || scale < 1 || scale > MAX_SCALE) {
      throw new CliError(`--scale takes a whole number of initiatives from 1 to ${MAX_SCALE.toLocaleString("en")}, not "${values.scale}".`);
    }
    return { help: values.help, scale };
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`${error.message}\n\n${USAGE}`);
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  }
}

/** A verified account with the demo password, created through registration if it does not exist. */
async function ensureVerifiedUser(db: Database, person: { name: string; email: string }): Promise<User> {
  const existing = await findUserByEmail(db, person.email);
  if (!existing) {
    const result = await registerUser(db, { ...person, password: DEMO_PASSWORD, emailVerified: true });
    if ("created" in result) return result.created;
    throw new Error(`${person.email} appeared while seeding; run the seed again.`);
  }
  // Someone may have changed the password or the account may be unverified since the last seed:
  // put both back so the printed credentials work.
  const passwordWorks = await verifyPassword(DEMO_PASSWORD, existing.password_hash);
  return db
    .updateTable("users")
    .set({
      ...(passwordWorks ? {} : { password_hash: await hashPassword(DEMO_PASSWORD) }),
      email_verified_at: sql`coalesce(email_verified_at, now())`,
      updated_at: new Date(),
    })
    .where("id", "=", existing.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The demo workspace owned by `owner`, created under its slug the first time. */
async function ensureWorkspace(db: Database, owner: User): Promise<Workspace> {
  const existing = await db.selectFrom("workspaces").selectAll().where("slug", "=", WORKSPACE.slug).executeTakeFirst();
  if (existing) return existing;
  const created = await createWorkspace(db, owner.id, WORKSPACE.name);
  if (created.slug !== WORKSPACE.slug) throw new Error(`The workspace was created as ${created.slug}, not ${WORKSPACE.slug}.`);
  return created;
}

async function ensureMembership(db: Database, workspace: Workspace, user: User, role: Role) {
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspace.id, user_id: user.id, role })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doUpdateSet({ role, updated_at: new Date() }))
    .execute();
}

export interface SeededAccounts {
  people: Array<{ user: User; role: Role }>;
  workspace: Workspace;
}

/** Accounts and the workspace every later seed step (product data, scale) builds on. */
export async function seedAccounts(db: Database): Promise<SeededAccounts> {
  const people = [];
  for (const person of PEOPLE) people.push({ user: await ensureVerifiedUser(db, person), role: person.role });
  const owner = people[0]!.user;
  const workspace = await ensureWorkspace(db, owner);
  for (const { user, role } of people) await ensureMembership(db, workspace, user, role);
  return { people, workspace };
}

export interface SeedResult extends SeededAccounts {
  scale?: { workspace: Workspace; counts: ScaleCounts; created: boolean; ms: number };
}

/** Everything `npm run db:seed` makes: accounts, the demo product, and with `scale` the benchmark workspace. */
export async function seed(db: Database, { scale }: Pick<SeedOptions, "scale"> = {}): Promise<SeedResult> {
  const accounts = await seedAccounts(db);
  const byRole = (role: Role) => accounts.people.find((p) => p.role === role)!.user.id;
  const people = { owner: byRole("owner"), editor: byRole("editor") };
  await seedDemoProduct(db, accounts.workspace.id, people);
  if (!scale) return accounts;
  const started = Date.now();
  const result = await seedScale(db, people, scale);
  return { ...accounts, scale: { ...result, ms: Date.now() - started } };
}

async function main() {
  const options = parseSeedArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { db, description, applied, close } = await openMigratedDatabase();
  try {
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${description}.`);
    const { people, workspace, scale } = await seed(db, options);
    console.log(`Seeded ${description}.\n`);
    console.log(`Workspace: ${workspace.name} (/w/${workspace.slug})`);
    if (scale) {
      const made = Object.entries(scale.counts).map(([table, count]) => `${count.toLocaleString("en")} ${table.replace("_", " ")}`).join(", ");
      console.log(`Workspace: ${scale.workspace.name} (/w/${scale.workspace.slug}): ${scale.created ? `created in ${(scale.ms / 1000).toFixed(1)} s` : "already there, left as is"} — ${made}`);
    }
    for (const { user, role } of people) console.log(`  ${role.padEnd(7)} ${user.email}`);
    console.log(`\nSign in as ${people[0]!.user.email} with the password: ${DEMO_PASSWORD}`);
    console.log("(All three accounts share it.)");
  } finally {
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(() => process.exit(0), failed);
}
