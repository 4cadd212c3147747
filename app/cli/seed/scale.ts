// `npm run db:seed -- --scale N`: a workspace "Scale N" with N initiatives, 2N risks, N/5 roadmap
// items and proportionally many personas, competitors, transcripts and activity events, for
// benchmarks (bench/). Set-based: one INSERT … SELECT per table over generate_series, so 10,000
// initiatives take seconds, not minutes. Titles are built from a small product vocabulary so that
// full-text search has realistic matches ("checkout" is in about one item in nine).
import { generateNKeysBetween } from "fractional-indexing";
import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Workspace } from "../../../db/schema";
import { createWorkspace } from "../../modules/workspaces/workspaces.server";
import { quarterFrom } from "./demo-product";

export interface ScaleCounts {
  initiatives: number;
  risks: number;
  roadmap_items: number;
  personas: number;
  competitors: number;
  transcripts: number;
  activity_events: number;
}

export function scaleCounts(n: number): ScaleCounts {
  return {
    initiatives: n,
    risks: 2 * n,
    roadmap_items: Math.max(1, Math.round(n / 5)),
    personas: Math.max(3, Math.round(n / 500)),
    competitors: Math.max(2, Math.round(n / 1000)),
    transcripts: Math.max(1, Math.round(n / 100)),
    activity_events: n,
  };
}

const VERBS = ["Speed up", "Simplify", "Localise", "Automate", "Secure", "Redesign", "Measure", "Streamline", "Personalise", "Harden", "Rebuild"];
const AREAS = ["checkout", "payouts", "refunds", "merchant onboarding", "fraud screening", "reporting", "subscriptions", "invoicing", "dispute handling"];
const SEGMENTS = ["fashion brands", "marketplaces", "subscription boxes", "electronics retailers", "food delivery", "travel agencies", "ticketing platforms"];
const TAGS = ["conversion", "mobile", "finance", "fraud", "developer-experience", "expansion"];
const RISKS = [
  "Issuer declines rise",
  "Peak traffic exceeds capacity",
  "Card-testing attack",
  "Regulatory deadline missed",
  "Key engineer leaves",
  "Partner API deprecation",
  "Reconciliation mismatch",
  "Competitor undercuts pricing",
];

type Members = { owner: string; editor: string };

async function fill(trx: Database, workspaceId: string, people: Members, n: number, counts: ScaleCounts) {
  const now = new Date();
  const quarters = [-2, -1, 0, 1, 2, 3, 4, 5].map((offset) => quarterFrom(now, offset));

  await trx
    .insertInto("vision_versions")
    .values({
      workspace_id: workspaceId,
      number: 1,
      statement: "The checkout growing brands trust to never lose a sale.",
      mission: "Fast, safe checkout and books that close themselves.",
      target_customers: "Online brands with 10–200 staff.",
      principles: "Speed is a feature. Safe by default.",
      north_star_metric: "Weekly checkout conversion",
      created_by: people.owner,
    })
    .execute();

  await sql`insert into personas (workspace_id, name, segment, goals, pains, jobs_to_be_done, quote, created_by, updated_by)
    select ${workspaceId}, 'Persona ' || i || ': ' || (${SEGMENTS}::text[])[1 + i % 7] || ' lead',
      'Runs payments at ' || (${SEGMENTS}::text[])[1 + i % 7], 'Sell more with less effort', 'Manual work in ' || (${AREAS}::text[])[1 + i % 9],
      'When sales grow, I want ' || (${AREAS}::text[])[1 + i % 9] || ' to scale with them', 'Payments should just work.', ${people.owner}, ${people.owner}
    from generate_series(1, ${counts.personas}) as i`.execute(trx);

  await sql`insert into competitors (workspace_id, name, website, positioning, strengths, weaknesses, pricing_notes, threat_level, created_by, updated_by)
    select ${workspaceId}, 'Competitor ' || i, 'https://competitor-' || i || '.example', 'Checkout for ' || (${SEGMENTS}::text[])[1 + i % 7],
      'Brand', 'Support', 'Per transaction', (array['low', 'medium', 'high'])[1 + i % 3], ${people.owner}, ${people.owner}
    from generate_series(1, ${counts.competitors}) as i`.execute(trx);

  await sql`insert into initiatives (workspace_id, title, problem, description, status, owner_id, tags, target_quarter,
      reach, impact, confidence, effort, created_by, updated_by, created_at, updated_at)
    select ${workspaceId},
      (${VERBS}::text[])[1 + i % 11] || ' ' || (${AREAS}::text[])[1 + (i / 11) % 9] || ' for ' || (${SEGMENTS}::text[])[1 + (i / 99) % 7] || ' #' || i,
      'Merchants selling to ' || (${SEGMENTS}::text[])[1 + (i / 99) % 7] || ' report friction in ' || (${AREAS}::text[])[1 + (i / 11) % 9] || '; support tickets about it doubled this quarter.',
      '## Why' || chr(10) || 'Better ' || (${AREAS}::text[])[1 + (i / 11) % 9] || ' lifts conversion and retention.' || chr(10) || chr(10) || '## How we will know' || chr(10) || '- Fewer tickets' || chr(10) || '- Higher weekly conversion',
      (array['idea', 'discovery', 'planned', 'in_progress', 'shipped', 'parked'])[1 + i % 6],
      case i % 3 when 0 then null when 1 then ${people.owner}::uuid else ${people.editor}::uuid end,
      case when i % 2 = 0 then array[(${TAGS}::text[])[1 + i % 6], (${TAGS}::text[])[1 + (i / 6 + 1) % 6]] else array[(${TAGS}::text[])[1 + i % 6]] end,
      case when i % 10 = 0 then null else (${quarters}::text[])[1 + i % 8] end,
      100 + (i * 7919) % 50000, (array[0.25, 0.5, 1, 2, 3])[1 + i % 5], (array[50, 80, 100])[1 + i % 3], 1 + i % 12,
      ${people.owner}, ${people.owner}, now() - make_interval(mins => i), now() - make_interval(mins => i)
    from generate_series(1, ${counts.initiatives}) as i`.execute(trx);

  // Later statements pick "the k-th initiative" by a stable number.
  await sql`create temporary table scale_initiatives on commit drop as
    select id, title, row_number() over (order by created_at desc, id) as rn from initiatives where workspace_id = ${workspaceId}`.execute(trx);

  await sql`insert into initiative_personas (workspace_id, initiative_id, persona_id)
    select ${workspaceId}, i.id, p.id from scale_initiatives i
    join (select id, row_number() over (order by id) as pn from personas where workspace_id = ${workspaceId}) p on p.pn = 1 + i.rn % ${counts.personas}`.execute(trx);

  // Positions come from the same fractional-indexing keys the roadmap writes, in lane order.
  const lanes = Array.from({ length: counts.roadmap_items }, (_, i) => (["now", "next", "later"] as const)[i % 3]!);
  const keys = { now: [] as string[], next: [] as string[], later: [] as string[] };
  for (const lane of ["now", "next", "later"] as const) keys[lane] = generateNKeysBetween(null, null, lanes.filter((l) => l === lane).length);
  const positions = lanes.map((lane) => keys[lane].shift()!);
  await sql`insert into roadmap_items (workspace_id, title, description, lane, position, initiative_id, start_quarter, end_quarter, created_by, updated_by)
    select ${workspaceId}, 'Deliver: ' || i.title, 'Milestone for ' || i.title, r.lane, r.position, i.id,
      (${quarters}::text[])[(1 + r.k % 6)::int], (${quarters}::text[])[(1 + r.k % 6 + r.k % 2)::int], ${people.owner}, ${people.owner}
    from unnest(${lanes}::text[], ${positions}::text[]) with ordinality as r(lane, position, k)
    join scale_initiatives i on i.rn = r.k`.execute(trx);

  await sql`insert into transcripts (workspace_id, title, meeting_date, attendees, format, content, summary, decisions, action_items, created_by, updated_by)
    select ${workspaceId}, 'Weekly ' || (${AREAS}::text[])[1 + i % 9] || ' review #' || i, current_date - i, array['Dana Demo', 'Eli Editor'], 'text',
      'Dana: How is ' || (${AREAS}::text[])[1 + i % 9] || ' doing this week?' || chr(10) || 'Eli: Conversion is up, tickets are down; one risk to log.',
      'Progress on ' || (${AREAS}::text[])[1 + i % 9] || '.', '["Keep the current plan"]'::jsonb, '[{"text": "Log the risk", "owner": "Eli Editor", "quote": null}]'::jsonb,
      ${people.owner}, ${people.owner}
    from generate_series(1, ${counts.transcripts}) as i`.execute(trx);

  await sql`insert into risks (workspace_id, title, description, category, likelihood, impact, status, owner_id, mitigation, due_date, initiative_id,
      created_by, updated_by, created_at, updated_at)
    select ${workspaceId}, (${RISKS}::text[])[1 + g % 8] || ' in ' || (${AREAS}::text[])[1 + (g / 8) % 9] || ' #' || g,
      'If this happens, ' || (${AREAS}::text[])[1 + (g / 8) % 9] || ' for our merchants degrades.', (array['Technical', 'Market', 'Compliance', 'Delivery', 'Fraud'])[1 + g % 5],
      1 + g % 5, 1 + (g / 5) % 5, (array['open', 'open', 'mitigating', 'accepted', 'closed'])[1 + (g / 25) % 5],
      case when g % 2 = 0 then ${people.editor}::uuid else ${people.owner}::uuid end, 'Monitor weekly; escalate on the first incident.',
      current_date + (g % 120), case when g % 3 = 0 then null else i.id end, ${people.owner}, ${people.owner}, now() - make_interval(mins => g), now() - make_interval(mins => g)
    from generate_series(1, ${counts.risks}) as g
    left join scale_initiatives i on i.rn = 1 + g % ${counts.initiatives}`.execute(trx);

  await sql`insert into activity_events (workspace_id, actor_id, action, entity_type, entity_id, entity_title, created_at)
    select ${workspaceId}, created_by, 'created', 'initiative', id, title, created_at from initiatives
    where workspace_id = ${workspaceId} order by created_at limit ${counts.activity_events}`.execute(trx);
}

/**
 * The workspace "Scale N", owned by `people.owner`. An existing one that already holds its N
 * initiatives is left as it is.
 */
export async function seedScale(db: Database, people: Members, n: number): Promise<{ workspace: Workspace; counts: ScaleCounts; created: boolean }> {
  const counts = scaleCounts(n);
  const slug = `scale-${n}`;
  let workspace = await db.selectFrom("workspaces").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!workspace) {
    workspace = await createWorkspace(db, people.owner, `Scale ${n}`);
    if (workspace.slug !== slug) throw new Error(`The workspace was created as ${workspace.slug}, not ${slug}.`);
  }
  const workspaceId = workspace.id;
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: people.editor, role: "editor" })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
    .execute();
  const { count } = await db.selectFrom("initiatives").select((eb) => eb.fn.countAll<number>().as("count")).where("workspace_id", "=", workspaceId).executeTakeFirstOrThrow();
  if (count > 0) return { workspace, counts, created: false };
  await db.transaction().execute((trx) => fill(trx, workspaceId, people, n, counts));
  // Fresh statistics, so the very next query (a benchmark's) is planned for the real row counts.
  await sql`analyze initiatives, initiative_personas, roadmap_items, risks, transcripts, activity_events, personas, competitors`.execute(db);
  return { workspace, counts, created: true };
}
