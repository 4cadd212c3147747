import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoProduct } from "../../cli/seed/demo-product";
import { setUpTestApp } from "../../server/test-context";
import { visibleText, type Browser } from "../../server/testing";
import { EXPORTED_COLUMNS, NOT_EXPORTED } from "./export-workspace.server";

const env = setUpTestApp({ team: "Northwind Payments", rival: "Contoso Ledger" });

type Row = Record<string, unknown> & { id: string };
type Doc = Record<string, unknown> & { workspace: Row; members: Row[] } & Record<"vision_versions" | "personas" | "competitors" | "initiatives" | "roadmap_items" | "transcripts" | "risks", Row[]>;

beforeAll(async () => {
  await seedDemoProduct(env.db, env.team.id, { owner: env.team.owner.id, editor: env.team.editor.id });
  // Every framework's inputs, and a workspace that prioritises with WSJF.
  await env.db.updateTable("workspaces").set({ prioritization: "wsjf" }).where("id", "=", env.team.id).execute();
  await env.db
    .updateTable("initiatives")
    .set({ business_value: 8, time_criticality: 13, risk_reduction: 3, job_size: 5, ice_impact: 7, ice_confidence: 6, ease: 4 })
    .where("workspace_id", "=", env.team.id)
    .where("title", "=", "Automatic payout reconciliation")
    .execute();
  // Action items that became an initiative and a risk point at them from inside the transcript's JSON.
  const transcript = await env.db.selectFrom("transcripts").select(["id", "action_items"]).where("workspace_id", "=", env.team.id).where("format", "=", "vtt").executeTakeFirstOrThrow();
  const initiative = await env.db.selectFrom("initiatives").select("id").where("workspace_id", "=", env.team.id).where("title", "like", "One-tap%").executeTakeFirstOrThrow();
  const risk = await env.db.selectFrom("risks").select("id").where("workspace_id", "=", env.team.id).where("title", "like", "Android%").executeTakeFirstOrThrow();
  const [first, second, ...rest] = transcript.action_items;
  await env.db
    .updateTable("transcripts")
    .set({ action_items: JSON.stringify([{ ...first!, id: "item-1", initiative_id: initiative.id }, { ...second!, id: "item-2", risk_id: risk.id }, ...rest]) })
    .where("workspace_id", "=", env.team.id)
    .where("id", "=", transcript.id)
    .execute();
});
async function exportOf(browser: Browser, slug: string): Promise<Doc> {
  const response = await browser.request(`/w/${slug}/export.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename="${slug}-bearing-export-\\d{4}-\\d{2}-\\d{2}\\.json"`));
  return (await response.json()) as Doc;
}

function upload(browser: Browser, content: string | Blob, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append("file", content instanceof Blob ? content : new Blob([content], { type: "application/json" }), "export.json");
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return browser.request("/w/import", { method: "POST", body: form });
}

/** The document with ids, times and people taken out, and every reference replaced by what it points at. */
function comparable(doc: Doc) {
  const label = new Map<string, string>();
  for (const p of doc.personas) label.set(p.id, `persona: ${String(p.name)}`);
  for (const i of doc.initiatives) label.set(i.id, `initiative: ${String(i.title)}`);
  for (const t of doc.transcripts) label.set(t.id, `transcript: ${String(t.title)}`);
  for (const r of doc.risks) label.set(r.id, `risk: ${String(r.title)}`);
  const ref = (id: unknown) => (id === null ? null : (label.get(id as string) ?? `missing ${String(id)}`));
  const strip = ({ id: _i, created_at: _c, updated_at: _u, created_by: _cb, updated_by: _ub, owner_id: _o, ...rest }: Row) => rest;
  const byKey = (key: string) => (a: Record<string, unknown>, b: Record<string, unknown>) => String(a[key]).localeCompare(String(b[key]));
  return {
    workspace: { name: doc.workspace.name, prioritization: doc.workspace.prioritization },
    vision_versions: doc.vision_versions.map(strip).sort(byKey("number")),
    personas: doc.personas.map(strip).sort(byKey("name")),
    competitors: doc.competitors.map(strip).sort(byKey("name")),
    initiatives: doc.initiatives
      .map((i) => ({
        ...strip(i),
        persona_ids: (i.persona_ids as string[]).map(ref).sort(),
        links: (i.links as Row[]).map(({ created_at: _c, ...link }) => link).sort(byKey("external_id")),
      }))
      .sort(byKey("title")),
    roadmap_items: doc.roadmap_items.map((r) => ({ ...strip(r), initiative_id: ref(r.initiative_id) })).sort(byKey("title")),
    transcripts: doc.transcripts
      .map((t) => ({
        ...strip(t),
        action_items: (t.action_items as Row[]).map((item) => ({
          ...item,
          ...("initiative_id" in item ? { initiative_id: ref(item.initiative_id) } : {}),
          ...("risk_id" in item ? { risk_id: ref(item.risk_id) } : {}),
        })),
      }))
      .sort(byKey("title")),
    risks: doc.risks.map((r) => ({ ...strip(r), initiative_id: ref(r.initiative_id), transcript_id: ref(r.transcript_id) })).sort(byKey("title")),
  };
}

const workspaceCount = async () => (await env.db.selectFrom("workspaces").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;

describe("workspace export and import", () => {
  it("round-trips every item and every link into a new workspace", async () => {
    const original = await exportOf(env.team.admin.browser, env.team.slug);
    expect(original).toMatchObject({ format: "bearing.workspace-export", version: 1, workspace: { name: env.team.name, prioritization: "wsjf" } });
    for (const table of ["vision_versions", "personas", "competitors", "initiatives", "roadmap_items", "transcripts", "risks"] as const) {
      expect(original[table].length, table).toBeGreaterThan(0);
    }
    expect(original.initiatives.some((i) => (i.persona_ids as string[]).length && (i.links as Row[]).length)).toBe(true);
    expect(original.risks.some((r) => r.initiative_id && r.transcript_id)).toBe(true);
    expect(original.transcripts.some((t) => Array.isArray(t.segments) && t.segments.length)).toBe(true);
    expect(JSON.stringify(original.transcripts)).toContain('"risk_id"');

    const response = await upload(env.team.owner.browser, JSON.stringify(original));
    expect(response.status).toBe(302);
    const slug = response.headers.get("location")!.replace("/w/", "");
    expect(slug).not.toBe(env.team.slug);
    const copy = await exportOf(env.team.owner.browser, slug);
    expect(comparable(copy)).toEqual(comparable(original));

    // New ids everywhere; nothing points back at the original workspace.
    const originalIds = new Set(Object.values(original).flatMap((rows) => (Array.isArray(rows) ? rows.map((r: Row) => r.id) : [])));
    for (const table of ["personas", "initiatives", "roadmap_items", "transcripts", "risks"] as const) {
      for (const row of copy[table]) expect(originalIds.has(row.id)).toBe(false);
    }
  });

  it("keeps the importer as owner and author, and clears people who are not members of the new workspace", async () => {
    const original = await exportOf(env.team.owner.browser, env.team.slug);
    const response = await upload(env.team.owner.browser, JSON.stringify(original), { name: "Acme sandbox" });
    const slug = response.headers.get("location")!.replace("/w/", "");
    expect(slug).toBe("acme-sandbox");
    const copy = await exportOf(env.team.owner.browser, slug);
    expect(copy.workspace.name).toBe("Acme sandbox");
    expect(copy.members.map((m) => m.user_id)).toEqual([env.team.owner.id]);
    const ownerOf = (doc: Doc, title: string) => doc.initiatives.find((i) => i.title === title)!.owner_id;
    expect(ownerOf(original, "Apple Pay and Google Pay on every checkout")).toBe(env.team.editor.id);
    expect(ownerOf(copy, "Apple Pay and Google Pay on every checkout")).toBeNull();
    expect(ownerOf(copy, "One-tap checkout for returning shoppers")).toBe(env.team.owner.id);
    expect(copy.competitors.every((c) => c.created_by === null)).toBe(true);
    // The editor of the original workspace cannot see the copy.
    expect((await env.team.editor.browser.request(`/w/${slug}`)).status).toBe(404);
    const log = visibleText(await (await env.team.owner.browser.request(`/w/${slug}/settings/activity`)).text());
    expect(log).toContain("created workspace Acme sandbox (imported from a Bearing export)");
    const dashboard = visibleText(await (await env.team.owner.browser.request(`/w/${slug}`)).text());
    expect(dashboard).toContain("One-tap checkout beta with 20 merchants");
  });

  it("refuses a malformed file with the first invalid path, and creates nothing", async () => {
    const before = await workspaceCount();
    const valid = await exportOf(env.team.admin.browser, env.team.slug);
    const cases: Array<[string, string]> = [
      ["{ not json", "This file is not valid JSON"],
      [JSON.stringify({ ...valid, format: "trello" }), 'format: must be "bearing.workspace-export"'],
      [JSON.stringify({ ...valid, initiatives: valid.initiatives.map((i, n) => (n === 3 ? { ...i, status: "done" } : i)) }), "initiatives[3].status: Choose a status."],
      [JSON.stringify({ ...valid, risks: [{ ...valid.risks[0], likelihood: 9 }, ...valid.risks.slice(1)] }), "risks[0].likelihood: The likelihood goes from 1 to 5."],
      [JSON.stringify({ ...valid, risks: [{ ...valid.risks[0], initiative_id: "no-such-initiative" }] }), 'risks[0].initiative_id: refers to initiative "no-such-initiative", which is not in this file'],
    ];
    for (const [content, message] of cases) {
      const response = await upload(env.team.owner.browser, content);
      expect(response.status, message).toBe(400);
      const text = visibleText(await response.text());
      expect(text).toContain(message);
      expect(text).toContain("Import a workspace");
    }
    expect(await workspaceCount()).toBe(before);
  });

  it("refuses a file over 20 MB", async () => {
    const response = await upload(env.team.owner.browser, new Blob([new Uint8Array(21 * 1024 * 1024).fill(32)]));
    expect(response.status).toBe(413);
    expect(visibleText(await response.text())).toContain("larger than 20 MB");
  });

  it("lets admins and owners export, answers 403 to editors and 404 to outsiders", async () => {
    expect((await env.team.editor.browser.request(`/w/${env.team.slug}/export.json`)).status).toBe(403);
    expect((await env.rival.owner.browser.request(`/w/${env.team.slug}/export.json`)).status).toBe(404);
    const doc = await exportOf(env.rival.owner.browser, env.rival.slug);
    expect(doc.initiatives).toEqual([]);
  });

  it("is reachable from the UI", async () => {
    expect(await (await env.team.owner.browser.request("/w/new")).text()).toContain('href="/w/import"');
    const settings = await (await env.team.admin.browser.request(`/w/${env.team.slug}/settings/workspace`)).text();
    expect(settings).toContain(`href="/w/${env.team.slug}/export.json"`);
    expect((await env.team.viewer.browser.request("/w/import")).status).toBe(200);
  });

  it("exports every column of every product table, except the ones it leaves out on purpose", async () => {
    const { rows } = await env.db
      .selectFrom("information_schema.columns" as never)
      .select(["table_name", "column_name"] as never)
      .where("table_schema" as never, "=", "public" as never)
      .where("table_name" as never, "in", Object.keys(EXPORTED_COLUMNS) as never)
      .execute()
      .then((rows) => ({ rows: rows as Array<{ table_name: keyof typeof EXPORTED_COLUMNS; column_name: string }> }));
    const forgotten = rows
      .filter(({ table_name, column_name }) => !(EXPORTED_COLUMNS[table_name] as readonly string[]).includes(column_name) && !(NOT_EXPORTED as readonly string[]).includes(column_name))
      .map(({ table_name, column_name }) => `${table_name}.${column_name}`);
    expect(forgotten).toEqual([]);
  });
});
