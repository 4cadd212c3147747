import { describe, expect, it } from "vitest";
import { setUpTestApp } from "../../server/test-context";
import { visibleText, type Browser } from "../../server/testing";

// The workspace import takes rows that never went through a form: it must refuse what the forms
// refuse, field by field, or a crafted file plants what no form would accept (issue 12, item 5).

const env = setUpTestApp({ team: "Northwind Payments" });

const WEBSITE_MESSAGE = "Enter a web address like https://example.com, or leave it empty.";

/** The smallest export a person could write by hand: one competitor, one initiative with one linked issue. */
function exportFile({ website = "https://acme.example", link = {} }: { website?: string; link?: Record<string, string> } = {}) {
  return {
    format: "bearing.workspace-export",
    version: 1,
    workspace: { name: "Crafted import" },
    competitors: [
      { id: "c-0", name: "Harmless Ltd", website: "https://harmless.example" },
      { id: "c-1", name: "Acme", website },
    ],
    initiatives: [
      {
        id: "i-0",
        title: "Checkout links",
        links: [{ provider: "github", external_id: "acme/app#1", url: "https://github.com/acme/app/issues/1", ...link }],
      },
    ],
  };
}

function upload(browser: Browser, document: unknown) {
  const form = new FormData();
  form.append("file", new Blob([JSON.stringify(document)], { type: "application/json" }), "export.json");
  return browser.request("/w/import", { method: "POST", body: form });
}

const counts = async () => ({
  workspaces: Number((await env.db.selectFrom("workspaces").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
  competitors: Number((await env.db.selectFrom("competitors").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
  initiatives: Number((await env.db.selectFrom("initiatives").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
  links: Number((await env.db.selectFrom("initiative_links").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n),
});

// What an attacker writes to get past a naive `startsWith("javascript:")`: case, spaces, a tab the
// URL parser drops, and the other schemes that run or render in the page.
const HOSTILE_ADDRESSES = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(document.cookie)",
  "  javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
];

describe("security: the workspace import validates every imported record with the forms' field rules", () => {
  it.each(HOSTILE_ADDRESSES)("security: a competitor website %j is refused, naming the record and field, and nothing is imported", async (website) => {
    const before = await counts();
    const response = await upload(env.team.owner.browser, exportFile({ website }));
    expect(response.status).toBe(400);
    const page = visibleText(await response.text());
    expect(page).toContain(`competitors[1].website: ${WEBSITE_MESSAGE} Nothing was imported.`);
    expect(await counts()).toEqual(before);
  });

  it.each(HOSTILE_ADDRESSES)("security: an initiative's issue link %j is refused, naming the record and field, and nothing is imported", async (url) => {
    const before = await counts();
    const response = await upload(env.team.owner.browser, exportFile({ link: { url } }));
    expect(response.status).toBe(400);
    const page = visibleText(await response.text());
    expect(page).toMatch(/initiatives\[0\]\.links\[0\]\.url: (Use an https:\/\/ address\.|Paste the full address, starting with https:\/\/) Nothing was imported\./);
    expect(await counts()).toEqual(before);
  });

  it("security: an issue link must point at the issue it names, as the form derives it from the address", async () => {
    const before = await counts();
    const cases: Array<[Record<string, string>, string]> = [
      // http:// and an address that is no issue at all: the form refuses both.
      [{ url: "http://github.com/acme/app/issues/1" }, "initiatives[0].links[0].url: Use an https:// address."],
      [{ url: "https://evil.example/landing" }, "initiatives[0].links[0].url: Paste a link to a Jira issue, a Linear issue or project, or a GitHub issue."],
      // A real issue address behind another issue's name would show one issue and open another.
      [{ url: "https://github.com/evil/app/issues/7" }, 'initiatives[0].links[0].url: This address is GitHub evil/app#7, not the link\'s GitHub acme/app#1.'],
    ];
    for (const [link, message] of cases) {
      const response = await upload(env.team.owner.browser, exportFile({ link }));
      expect(response.status, message).toBe(400);
      expect(visibleText(await response.text())).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("applies the forms' other rules too: lengths, scales and quarters in their order", async () => {
    const before = await counts();
    const base = exportFile();
    const cases: Array<[unknown, string]> = [
      [{ ...base, competitors: [{ id: "c-0", name: "x".repeat(121) }] }, "competitors[0].name: Use at most 120 characters."],
      [{ ...base, initiatives: [{ id: "i-0", title: "Scored", impact: 7 }] }, "initiatives[0].impact: Impact is one of 3, 2, 1, 0.5 or 0.25."],
      [
        { ...base, roadmap_items: [{ id: "r-0", title: "Backwards", lane: "now", position: "a0", start_quarter: "2027-Q2", end_quarter: "2026-Q1" }] },
        "roadmap_items[0].end_quarter: The end quarter comes before the start quarter.",
      ],
      // Checks that compare fields meet something that is no record at all.
      [{ ...base, roadmap_items: [null] }, "roadmap_items[0]: Invalid input: expected object, received null."],
    ];
    for (const [document, message] of cases) {
      const response = await upload(env.team.owner.browser, document);
      expect(response.status, message).toBe(400);
      expect(visibleText(await response.text())).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("imports what the forms accept, as the forms store it: a bare domain becomes an https address", async () => {
    const response = await upload(env.team.owner.browser, exportFile({ website: "acme.example" }));
    expect(response.status).toBe(302);
    const slug = response.headers.get("location")!.replace("/w/", "");
    const workspace = await env.db.selectFrom("workspaces").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    const websites = await env.db.selectFrom("competitors").select("website").where("workspace_id", "=", workspace.id).orderBy("name").execute();
    expect(websites.map((row) => row.website)).toEqual(["https://acme.example", "https://harmless.example"]);
    const links = await env.db.selectFrom("initiative_links").select(["provider", "external_id", "url"]).where("workspace_id", "=", workspace.id).execute();
    expect(links).toEqual([{ provider: "github", external_id: "acme/app#1", url: "https://github.com/acme/app/issues/1" }]);
  });
});
