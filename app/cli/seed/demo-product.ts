// Fills the demo workspace with the product of demo-strategy.ts, demo-delivery.ts and
// demo-meetings.ts. Every item is found by its name (or its number, for vision versions) before it
// is created, so a second run adds only what is missing — and never touches what people changed.
// Rows are written in the shape the app's own functions write them, with an activity event each.
import { generateNKeysBetween } from "fractional-indexing";
import { sql } from "kysely";
import type { Database } from "../../../db/database";
import type { Lane } from "../../../db/schema";
import { INITIATIVES, ROADMAP } from "./demo-delivery";
import { RISKS, TRANSCRIPTS, type DemoTranscript } from "./demo-meetings";
import { COMPETITORS, PERSONAS, VISION_VERSIONS, type SeedPerson } from "./demo-strategy";

const DAY = 24 * 60 * 60 * 1000;

interface SeedScope {
  trx: Database;
  workspaceId: string;
  people: Record<SeedPerson, string>;
  now: Date;
  /** Activity events for what this run created, written at the end in time order. */
  events: Array<{ actor: string | null; type: string; id: string; title: string; at: Date; action?: "created" | "updated" }>;
}

const daysAgo = (scope: SeedScope, days: number, hours = 0) => new Date(scope.now.getTime() - days * DAY - hours * 60 * 60 * 1000);
const dayString = (scope: SeedScope, offset: number) => new Date(scope.now.getTime() + offset * DAY).toISOString().slice(0, 10);

/** "2026-Q4" for `offset` quarters from the quarter of `now`. */
export function quarterFrom(now: Date, offset: number): string {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The ids of the workspace's rows of `table` by `key` (name or title). */
async function idsByKey(trx: Database, table: "personas" | "competitors" | "initiatives" | "transcripts" | "risks", key: "name" | "title", workspaceId: string) {
  const { rows } = await sql<{ id: string; key: string }>`select id, ${sql.ref(key)} as key from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(trx);
  return new Map(rows.map((row) => [row.key, row.id]));
}

async function seedVision(scope: SeedScope) {
  const { trx, workspaceId } = scope;
  const existing = new Set((await trx.selectFrom("vision_versions").select("number").where("workspace_id", "=", workspaceId).execute()).map((r) => r.number));
  for (const [index, { daysAgo: days, by, ...fields }] of VISION_VERSIONS.entries()) {
    const number = index + 1;
    if (existing.has(number)) continue;
    const at = daysAgo(scope, days);
    const row = await trx
      .insertInto("vision_versions")
      .values({ ...fields, workspace_id: workspaceId, number, created_by: scope.people[by], created_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    scope.events.push({ actor: scope.people[by], type: "vision", id: row.id, title: `Vision, version ${number}`, at });
  }
}

async function seedPeopleAndMarket(scope: SeedScope) {
  const { trx, workspaceId, people } = scope;
  const personas = await idsByKey(trx, "personas", "name", workspaceId);
  for (const [index, persona] of PERSONAS.entries()) {
    if (personas.has(persona.name)) continue;
    const at = daysAgo(scope, 70 - index * 2);
    const { id } = await trx
      .insertInto("personas")
      .values({ ...persona, workspace_id: workspaceId, created_by: people.owner, updated_by: people.owner, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    personas.set(persona.name, id);
    scope.events.push({ actor: people.owner, type: "persona", id, title: persona.name, at });
  }
  const competitors = await idsByKey(trx, "competitors", "name", workspaceId);
  for (const [index, competitor] of COMPETITORS.entries()) {
    if (competitors.has(competitor.name)) continue;
    const at = daysAgo(scope, 62 - index * 3);
    const { id } = await trx
      .insertInto("competitors")
      .values({ ...competitor, workspace_id: workspaceId, created_by: people.editor, updated_by: people.editor, created_at: at, updated_at: at })
      .returning("id")
      .executeTakeFirstOrThrow();
    scope.events.push({ actor: people.editor, type: "competitor", id, title: competitor.name, at });
  }
  return personas;
}

async function seedInitiatives(scope: SeedScope, personas: Map<string, string>) {
  const { trx, workspaceId, people } = scope;
  const initiatives = await idsByKey(trx, "initiatives", "title", workspaceId);
  for (const [index, { owner, quarter, rice, personas: names, links, ...fields }] of INITIATIVES.entries()) {
    if (initiatives.has(fields.title)) continue;
    const by = owner ?? "owner";
    const at = daysAgo(scope, 55 - index * 3, index);
    const [reach, impact, confidence, effort] = rice ?? [null, null, null, null];
    const { id } = await trx
      .insertInto("initiatives")
      .values({
        ...fields,
        workspace_id: workspaceId,
        owner_id: owner ? people[owner] : null,
        target_quarter: quarter === null ? null : quarterFrom(scope.now, quarter),
        reach,
        impact,
        confidence,
        effort,
        created_by: people[by],
        updated_by: people[by],
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    initiatives.set(fields.title, id);
    const personaIds = names.map((name) => personas.get(name)).filter((p): p is string => !!p);
    if (personaIds.length) {
      await trx
        .insertInto("initiative_personas")
        .values(personaIds.map((persona_id) => ({ workspace_id: workspaceId, initiative_id: id, persona_id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    if (links?.length) {
      await trx
        .insertInto("initiative_links")
        .values(links.map((link) => ({ ...link, workspace_id: workspaceId, initiative_id: id, created_at: at })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    scope.events.push({ actor: people[by], type: "initiative", id, title: fields.title, at });
    if (fields.status === "in_progress" || fields.status === "shipped") {
      scope.events.push({ actor: people[by], type: "initiative", id, title: fields.title, at: daysAgo(scope, 20 - index, 2), action: "updated" });
    }
  }
  return initiatives;
}

async function seedRoadmap(scope: SeedScope, initiatives: Map<string, string>) {
  const { trx, workspaceId, people } = scope;
  const existing = await trx.selectFrom("roadmap_items").select(["title", "lane", "position"]).where("workspace_id", "=", workspaceId).execute();
  const titles = new Set(existing.map((row) => row.title));
  for (const lane of ["now", "next", "later"] as const satisfies Lane[]) {
    const missing = ROADMAP.filter((item) => item.lane === lane && !titles.has(item.title));
    if (!missing.length) continue;
    const last = existing.filter((row) => row.lane === lane).reduce<string | null>((max, row) => (max === null || row.position > max ? row.position : max), null);
    const positions = generateNKeysBetween(last, null, missing.length);
    for (const [index, { initiative, start, end, ...item }] of missing.entries()) {
      const at = daysAgo(scope, 30 - index * 2, 3);
      const { id } = await trx
        .insertInto("roadmap_items")
        .values({
          ...item,
          workspace_id: workspaceId,
          position: positions[index]!,
          initiative_id: initiative ? (initiatives.get(initiative) ?? null) : null,
          start_quarter: start === null ? null : quarterFrom(scope.now, start),
          end_quarter: end === null ? null : quarterFrom(scope.now, end),
          created_by: people.owner,
          updated_by: people.owner,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      scope.events.push({ actor: people.owner, type: "roadmap_item", id, title: item.title, at });
    }
  }
}

/** WebVTT with voice tags, as meeting tools export it. */
function toVtt(transcript: DemoTranscript): string {
  const stamp = (seconds: number) => `00:${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}.000`;
  const cues = (transcript.segments ?? []).map((s, i) => `${i + 1}\n${stamp(s.start)} --> ${stamp(s.end)}\n<v ${s.speaker}>${s.text}`);
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}

async function seedTranscripts(scope: SeedScope) {
  const { trx, workspaceId, people } = scope;
  const transcripts = await idsByKey(trx, "transcripts", "title", workspaceId);
  for (const transcript of TRANSCRIPTS) {
    if (transcripts.has(transcript.title)) continue;
    const at = daysAgo(scope, transcript.daysAgo, -2);
    const { id } = await trx
      .insertInto("transcripts")
      .values({
        workspace_id: workspaceId,
        title: transcript.title,
        meeting_date: dayString(scope, -transcript.daysAgo),
        attendees: transcript.attendees,
        format: transcript.format,
        content: transcript.format === "vtt" ? toVtt(transcript) : (transcript.content ?? ""),
        segments: transcript.segments ? JSON.stringify(transcript.segments) : undefined,
        summary: transcript.summary,
        decisions: JSON.stringify(transcript.decisions),
        action_items: JSON.stringify(transcript.action_items),
        created_by: people.owner,
        updated_by: people.owner,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    transcripts.set(transcript.title, id);
    scope.events.push({ actor: people.owner, type: "transcript", id, title: transcript.title, at });
  }
  return transcripts;
}

async function seedRisks(scope: SeedScope, initiatives: Map<string, string>, transcripts: Map<string, string>) {
  const { trx, workspaceId, people } = scope;
  const risks = await idsByKey(trx, "risks", "title", workspaceId);
  for (const [index, { owner, dueInDays, initiative, transcript, ...risk }] of RISKS.entries()) {
    if (risks.has(risk.title)) continue;
    const by = owner ?? "owner";
    const at = transcript ? daysAgo(scope, 1, 20 - index) : daysAgo(scope, 45 - index * 3, index);
    const { id } = await trx
      .insertInto("risks")
      .values({
        ...risk,
        workspace_id: workspaceId,
        owner_id: owner ? people[owner] : null,
        due_date: dueInDays === null ? null : dayString(scope, dueInDays),
        initiative_id: initiative ? (initiatives.get(initiative) ?? null) : null,
        transcript_id: transcript ? (transcripts.get(transcript) ?? null) : null,
        source: transcript ? "transcript" : "manual",
        created_by: people[by],
        updated_by: people[by],
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    scope.events.push({ actor: people[by], type: "risk", id, title: risk.title, at });
  }
}

/** Adds the demo product to the workspace: whatever an earlier run made is found, not made twice. */
export async function seedDemoProduct(db: Database, workspaceId: string, people: Record<SeedPerson, string>, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const scope: SeedScope = { trx, workspaceId, people, now, events: [] };
    await seedVision(scope);
    const personas = await seedPeopleAndMarket(scope);
    const initiatives = await seedInitiatives(scope, personas);
    await seedRoadmap(scope, initiatives);
    const transcripts = await seedTranscripts(scope);
    await seedRisks(scope, initiatives, transcripts);
    const events = scope.events.sort((a, b) => a.at.getTime() - b.at.getTime());
    if (events.length) {
      await trx
        .insertInto("activity_events")
        .values(
          events.map((event) => ({
            workspace_id: workspaceId,
            actor_id: event.actor,
            action: event.action ?? "created",
            entity_type: event.type,
            entity_id: event.id,
            entity_title: event.title,
            created_at: event.at,
          })),
        )
        .execute();
    }
  });
}
