import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText, type Browser } from "../../server/testing";

const env = setUpTestApp({ team: "Northwind Payments" });

beforeAll(async () => {
  const persona = { workspace_id: env.team.id, segment: "", goals: "", pains: "", jobs_to_be_done: "", quote: "" };
  await env.db.insertInto("personas").values([{ ...persona, name: "Finance lead" }, { ...persona, name: "Priya, the payments lead" }]).execute();
});
const importPath = () => `/w/${env.team.slug}/initiatives/import`;
const count = async () => (await env.db.selectFrom("initiatives").select((eb) => eb.fn.countAll<number>().as("n")).where("workspace_id", "=", env.team.id).executeTakeFirstOrThrow()).n;

/** Chooses a file in the upload form and presses "Check the file", as a browser without JavaScript does. */
function upload(browser: Browser, csv: string, name = "initiatives.csv", type = "text/csv") {
  const form = new FormData();
  form.append("file", new Blob([csv], { type }), name);
  return browser.request(importPath(), { method: "POST", body: form });
}

/** The hidden fields of the preview's confirmation form, as the browser would post them back. */
function confirmation(html: string): Record<string, string> {
  const form = html.match(/<form method="post"[^>]*>([\s\S]*?)<\/form>/g)?.find((f) => f.includes('value="import"')) ?? "";
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

const GOOD = [
  "Title,Problem,Status,Tags,Target quarter,Owner email,Personas,Reach,Impact,Confidence (%),Effort,Notes",
  `Payout retries,"Failed payouts wait a day, sometimes two",In progress,"Payments; Retention",2026-q3,${"{editor}"},Finance lead,2000,2,80%,76,ignored`,
  `Refund automation,,planned,payments,,,"Priya, the payments lead; Finance lead",100,1,50,5,`,
].join("\n");

describe("CSV import", () => {
  it("previews every row with its errors and writes nothing", async () => {
    const before = await count();
    const csv = [
      "title,status,owner_email,impact,target_quarter,personas",
      "Fine one,idea,,1,2026-Q1,",
      ",idea,,,,",
      "Bad status,done,,,,",
      "Bad owner,idea,stranger@example.com,,,",
      "Bad scores,idea,,5,Q3,Nobody",
    ].join("\n");
    const response = await upload(env.team.editor.browser, csv);
    expect(response.status).toBe(200);
    const text = visibleText(await response.text());
    expect(text).toContain("5 rows read, 1 ready, 4 rows with errors. Nothing has been written yet.");
    expect(text).toContain("row 3: title is empty");
    expect(text).toContain("row 4: status “done” is not one of idea, discovery, planned, in progress, shipped, parked");
    expect(text).toContain("row 5: owner “stranger@example.com” is not a member of this workspace");
    expect(text).toContain("row 6: impact “5”: Impact is one of 3, 2, 1, 0.5 or 0.25.");
    expect(text).toContain("row 6: target quarter “Q3” is not like 2026-Q3");
    expect(text).toContain("row 6: persona “Nobody” does not exist in this workspace");
    expect(text).toContain("Import only the 1 valid row, skip 4");
    expect(await count()).toBe(before);
  });

  it("imports a clean file in one go, marked as imported, with activity, owners, personas, tags and scores", async () => {
    const before = await count();
    const preview = await upload(env.team.editor.browser, GOOD.replace("{editor}", env.team.editor.email));
    const html = await preview.text();
    const text = visibleText(html);
    expect(text).toContain("2 rows read, 2 ready. Nothing has been written yet.");
    expect(text).toContain("Ignored: Notes.");
    expect(text).toContain("RICE 42 = 2,000 × 2 × 80% ÷ 76");
    expect(await count()).toBe(before);

    const fields = confirmation(html);
    expect(fields.intent).toBe("import");
    const confirmed = await env.team.editor.browser.postForm(importPath(), fields);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`/w/${env.team.slug}/initiatives?sort=updated&imported=2`);
    expect(await count()).toBe(before + 2);

    const row = await env.db
      .selectFrom("initiatives")
      .select(["id", "problem", "status", "tags", "target_quarter", "owner_id", "reach", "impact", "confidence", "effort", "source"])
      .where("workspace_id", "=", env.team.id)
      .where("title", "=", "Payout retries")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      problem: "Failed payouts wait a day, sometimes two",
      status: "in_progress",
      tags: ["payments", "retention"],
      target_quarter: "2026-Q3",
      owner_id: env.team.editor.id,
      reach: 2000,
      impact: 2,
      confidence: 80,
      effort: 76,
      source: "import",
    });
    const personas = await env.db.selectFrom("initiative_personas").select("persona_id").where("initiative_id", "=", row.id).execute();
    expect(personas).toHaveLength(1);
    const refunds = await env.db
      .selectFrom("initiative_personas as ip")
      .innerJoin("initiatives as i", (join) => join.onRef("i.workspace_id", "=", "ip.workspace_id").onRef("i.id", "=", "ip.initiative_id"))
      .innerJoin("personas as p", (join) => join.onRef("p.workspace_id", "=", "ip.workspace_id").onRef("p.id", "=", "ip.persona_id"))
      .select("p.name")
      .where("i.title", "=", "Refund automation")
      .orderBy("p.name")
      .execute();
    expect(refunds.map((r) => r.name)).toEqual(["Finance lead", "Priya, the payments lead"]);
    const events = await env.db.selectFrom("activity_events").select(["action", "actor_id"]).where("entity_id", "=", row.id).execute();
    expect(events).toEqual([{ action: "created", actor_id: env.team.editor.id }]);
    const list = visibleText(await (await env.team.viewer.browser.request(confirmed.headers.get("location")!)).text());
    expect(list).toContain("Imported 2 initiatives.");
  });

  it("refuses to import a file with errors unless the user chooses to import only the valid rows", async () => {
    const csv = "title,status\nKeep me,idea\nDrop me,done\n";
    const before = await count();
    const fields = confirmation(await (await upload(env.team.editor.browser, csv)).text());
    expect(fields.skipInvalid).toBe("yes");
    const { skipInvalid: _skip, ...withoutChoice } = fields;
    const refused = await env.team.editor.browser.postForm(importPath(), withoutChoice);
    expect(refused.status).toBe(400);
    expect(visibleText(await refused.text())).toContain("Some rows have errors: upload a corrected file, or import only the valid rows.");
    expect(await count()).toBe(before);

    const partial = await env.team.editor.browser.postForm(importPath(), fields);
    expect(partial.status).toBe(302);
    expect(await count()).toBe(before + 1);
    const titles = await env.db.selectFrom("initiatives").select("title").where("title", "in", ["Keep me", "Drop me"]).execute();
    expect(titles).toEqual([{ title: "Keep me" }]);
  });

  it("round-trips Bearing's own CSV export", async () => {
    const exported = await (await env.team.viewer.browser.request(`/w/${env.team.slug}/initiatives.csv`)).text();
    const before = await count();
    const html = await (await upload(env.team.editor.browser, exported)).text();
    expect(visibleText(html)).toContain(`${before} rows read, ${before} ready`);
  });

  it("explains files it cannot take", async () => {
    const large = await upload(env.team.editor.browser, `title\n${"x".repeat(1024 * 1024)}\n`);
    expect(large.status).toBe(413);
    expect(visibleText(await large.text())).toContain("This file is larger than 1 MB, the import limit.");

    const notCsv = await upload(env.team.editor.browser, "title\nx\n", "roadmap.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(notCsv.status).toBe(400);
    expect(visibleText(await notCsv.text())).toContain("“roadmap.xlsx” is not a .csv file.");

    const noTitle = await upload(env.team.editor.browser, "name of thing,status\nx,idea\n");
    expect(noTitle.status).toBe(400);
    expect(visibleText(await noTitle.text())).toContain("No “title” column");

    const empty = await upload(env.team.editor.browser, "title\n");
    expect(visibleText(await empty.text())).toContain("This file has no rows below its header row.");

    const broken = await upload(env.team.editor.browser, 'title\n"unclosed\n');
    expect(visibleText(await broken.text())).toContain("This file is not valid CSV");
  });

  it("is for editors: viewers are refused", async () => {
    expect((await env.team.viewer.browser.request(importPath())).status).toBe(403);
    expect((await upload(env.team.viewer.browser, GOOD)).status).toBe(403);
  });
});
