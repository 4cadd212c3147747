import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleText } from "../../server/testing";
import { connectSlack, startSlackTestEnv, type SlackTestEnv } from "./slack-testing";

const CHANNELS = [
  { id: "C0GENERAL", name: "general", botIsMember: true },
  { id: "C0PRODUCT", name: "product", botIsMember: true },
  { id: "C0RANDOM", name: "random", botIsMember: true },
  { id: "C0QUIET", name: "quiet-room", botIsMember: false },
  { id: "C0RELEASE", name: "releases", botIsMember: true },
];
const THREAD = [
  { user: "U0ANA", text: "Should we ship the payouts page on Friday?", ts: "1700000000.000100" },
  { user: "U0BEN", text: "Only if the <risk> review is done.", ts: "1700000060.000200" },
  { user: "U0ANA", text: "Agreed: Friday it is.", ts: "1700000120.000300" },
];

let env: SlackTestEnv;
let riskId: string;
let transcriptId: string;
beforeAll(async () => {
  // Two items a page, so the channel list and the thread both span several pages.
  env = await startSlackTestEnv({ channels: CHANNELS, pageSize: 2, threads: { C0GENERAL: { [THREAD[0]!.ts]: THREAD } } });
  const audit = { workspace_id: env.team.id, created_by: env.team.owner.id, updated_by: env.team.owner.id };
  await env.db.insertInto("roadmap_items").values([{ ...audit, title: "Instant payouts", description: "", lane: "now", position: "a0" }, { ...audit, title: "Multi-currency", description: "", lane: "later", position: "a0" }]).execute();
  ({ id: riskId } = await env.db.insertInto("risks").values({ ...audit, title: "Card network outage", likelihood: 3, impact: 5, mitigation: "Second acquirer on standby" }).returning("id").executeTakeFirstOrThrow());
  ({ id: transcriptId } = await env.db
    .insertInto("transcripts")
    .values({ ...audit, title: "Payouts kickoff", content: "…", meeting_date: "2026-11-20", attendees: [], summary: "We agreed the payouts scope.", decisions: JSON.stringify(["Ship in Q1"]), action_items: JSON.stringify([{ text: "Draft the spec", owner: "Ana" }]) })
    .returning("id")
    .executeTakeFirstOrThrow());
  await connectSlack(env.team.admin.browser, env.team.slug);
});
afterAll(() => env?.close());

const settings = () => `/w/${env.team.slug}/settings/integrations`;
const post = (fields: Record<string, string>) => env.team.admin.browser.postForm(settings(), fields);
const posted = () => env.fake.calls.filter((call) => call.method === "chat.postMessage");
/** Settings → Integrations as the admin reloads it, until `expected` shows (an import job has finished). */
async function reloadUntil(expected: string) {
  for (;;) {
    const shown = visibleText(await (await env.team.admin.browser.request(settings())).text());
    if (shown.includes(expected)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const headerOf = (call: { args: Record<string, unknown> } | undefined) => (call?.args.blocks as { type: string; text?: { text: string } }[] | undefined)?.[0]?.text?.text;

describe("Slack features", () => {
  it("lists every channel, following Slack's cursor across pages", async () => {
    env.fake.calls.length = 0;
    const page = visibleText(await (await env.team.admin.browser.request(settings())).text());
    for (const channel of CHANNELS) expect(page).toContain(`#${channel.name}`);
    const listCalls = env.fake.calls.filter((call) => call.method === "conversations.list");
    expect(listCalls).toHaveLength(3);
    expect(listCalls[0]?.args.cursor).toBeUndefined();
    expect(listCalls[2]?.args.cursor).toBeTruthy();
  });

  it("asks for a channel before posting, under the field", async () => {
    const answer = await post({ intent: "choose-channel", channelId: "" });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toMatch(/id="slack-channel-error"[^>]*><li>Choose a channel\.<\/li>/);
    expect(visibleText(await (await post({ intent: "post-roadmap" })).text())).toContain("Choose the Slack channel to post to first.");
  });

  it("posts a roadmap update, a risk alert and a meeting summary as Block Kit messages", async () => {
    expect(visibleText(await (await post({ intent: "choose-channel", channelId: "C0PRODUCT" })).text())).toContain("Bearing will post to #product.");

    expect(visibleText(await (await post({ intent: "post-roadmap" })).text())).toContain("Roadmap update posted to #product.");
    expect(visibleText(await (await post({ intent: "post-risk", riskId })).text())).toContain("Risk alert posted to #product.");
    expect(visibleText(await (await post({ intent: "post-meeting", transcriptId })).text())).toContain("Meeting summary posted to #product.");

    const [roadmap, risk, meeting] = posted();
    expect(posted().every((call) => call.args.channel === "C0PRODUCT")).toBe(true);
    expect(headerOf(roadmap)).toBe("Roadmap update: Northwind Payments");
    expect(JSON.stringify(roadmap?.args.blocks)).toContain("*Now*\\n• Instant payouts");
    expect(headerOf(risk)).toBe("Risk alert: Card network outage");
    expect(JSON.stringify(risk?.args.blocks)).toContain("Second acquirer on standby");
    expect(risk?.args.text).toBe("Risk alert: Card network outage (severity 15)");
    expect(headerOf(meeting)).toBe("Meeting summary: Payouts kickoff");
    expect(JSON.stringify(meeting?.args.blocks)).toContain("• Draft the spec (Ana)");
    expect(visibleText(await (await env.team.admin.browser.request(settings())).text())).not.toContain("Last sync never");
  });

  it("imports a thread as a transcript in the background, across pages of replies", async () => {
    const link = `https://northwind.slack.com/archives/C0GENERAL/p1700000000000100`;
    const answer = await post({ intent: "import-thread", link, title: "" });
    expect(visibleText(await answer.text())).toContain("Importing the thread as a transcript; its progress shows below.");
    const done = await reloadUntil("Open the transcript “Slack thread from 2023-11-14”");
    expect(done).toContain("Imported 3 messages");
    const transcript = await env.db.selectFrom("transcripts").selectAll().where("workspace_id", "=", env.team.id).where("source", "=", "slack").executeTakeFirstOrThrow();
    expect(transcript.content).toBe("U0ANA: Should we ship the payouts page on Friday?\n\nU0BEN: Only if the <risk> review is done.\n\nU0ANA: Agreed: Friday it is.");
    expect(transcript.attendees).toEqual(["U0ANA", "U0BEN"]);
    expect(transcript.segments?.map((s) => s.start)).toEqual([0, 60, 120]);
    expect(env.fake.calls.filter((call) => call.method === "conversations.replies")).toHaveLength(2);
    expect((await env.team.admin.browser.request(`/w/${env.team.slug}/transcripts/${transcript.id}`)).status).toBe(200);
  });

  it("says what is wrong with a link that is not a thread, under the field, keeping the input", async () => {
    const answer = await post({ intent: "import-thread", link: "https://example.com/nope", title: "Kept" });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toMatch(/id="slack-thread-link-error"[^>]*><li>Paste a Slack message link/);
    expect(html).toContain('value="Kept"');
  });

  it("explains Slack's ok:false answers and records the last error", async () => {
    expect(visibleText(await (await post({ intent: "choose-channel", channelId: "C0QUIET" })).text())).toContain("#quiet-room");
    const notInChannel = visibleText(await (await post({ intent: "post-roadmap" })).text());
    expect(notInChannel).toContain("The Bearing app is not in that channel. Invite it with /invite @Bearing, then try again.");

    env.fake.failNext("chat.postMessage", "channel_not_found");
    expect(visibleText(await (await post({ intent: "post-risk", riskId })).text())).toContain("Slack cannot find that channel. Choose another channel.");
    await post({ intent: "import-thread", link: "https://x.slack.com/archives/C0GENERAL/p1700000999000100" });
    const failed = await reloadUntil("Stopped after 1 attempt");
    expect(failed).toContain("Last error: Slack cannot find that thread.");
    expect(failed).toContain("Last error Slack cannot find that thread.");
  });

  it("explains a rate limit with Slack's Retry-After", async () => {
    await post({ intent: "choose-channel", channelId: "C0GENERAL" });
    env.fake.rateLimitNext("chat.postMessage", 30);
    const answer = await post({ intent: "post-meeting", transcriptId });
    expect(answer.status).toBe(400);
    expect(visibleText(await answer.text())).toContain("Slack is limiting requests right now. Try again in 30 seconds.");
  });

  it("marks the connection when Slack rejects its token", async () => {
    env.fake.failNext("conversations.list", "invalid_auth");
    const page = visibleText(await (await env.team.admin.browser.request(settings())).text());
    expect(page).toContain("Slack no longer accepts Bearing's token. Disconnect Slack and connect it again.");
    expect(page).toContain("Needs attention");
  });
});
