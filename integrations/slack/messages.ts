import type { KnownBlock } from "@slack/web-api";

/**
 * The three messages Bearing posts, as Block Kit (https://api.slack.com/block-kit). Callers pass plain
 * data; Slack's mrkdwn is escaped here (&, <, > per https://api.slack.com/reference/surfaces/formatting#escaping).
 */

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const header = (text: string): KnownBlock => ({ type: "header", text: { type: "plain_text", text: text.slice(0, 150), emoji: true } });
const section = (mrkdwn: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: mrkdwn.slice(0, 3000) } });
const context = (mrkdwn: string): KnownBlock => ({ type: "context", elements: [{ type: "mrkdwn", text: mrkdwn.slice(0, 3000) }] });
const bullets = (items: string[], empty: string) => (items.length ? items.map((item) => `• ${escape(item)}`).join("\n") : `_${empty}_`);

export function roadmapUpdateMessage(input: { workspaceName: string; lanes: { name: string; items: string[] }[]; url: string }): SlackMessage {
  const title = `Roadmap update: ${input.workspaceName}`;
  return {
    text: title,
    blocks: [
      header(title),
      ...input.lanes.map((lane) => section(`*${escape(lane.name)}*\n${bullets(lane.items, "Nothing here yet")}`)),
      context(`<${input.url}|Open the roadmap in Bearing>`),
    ],
  };
}

export function riskAlertMessage(input: { title: string; severity: number; likelihood: number; impact: number; status: string; owner: string | null; mitigation: string; url: string }): SlackMessage {
  const title = `Risk alert: ${input.title}`;
  return {
    text: `${title} (severity ${input.severity})`,
    blocks: [
      header(title),
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: `*Severity*\n${input.severity} (likelihood ${input.likelihood} × impact ${input.impact})` },
          { type: "mrkdwn", text: `*Status*\n${escape(input.status)}` },
          { type: "mrkdwn", text: `*Owner*\n${escape(input.owner ?? "Nobody yet")}` },
        ],
      },
      section(`*Mitigation*\n${input.mitigation ? escape(input.mitigation) : "_None recorded_"}`),
      context(`<${input.url}|Open the risk in Bearing>`),
    ],
  };
}

export function meetingSummaryMessage(input: { title: string; meetingDate: string | null; summary: string; decisions: string[]; actionItems: string[]; url: string }): SlackMessage {
  const title = `Meeting summary: ${input.title}`;
  return {
    text: title,
    blocks: [
      header(title),
      ...(input.meetingDate ? [context(`Held on ${escape(input.meetingDate)}`)] : []),
      section(input.summary ? escape(input.summary) : "_No summary written yet_"),
      section(`*Decisions*\n${bullets(input.decisions, "None recorded")}`),
      section(`*Action items*\n${bullets(input.actionItems, "None recorded")}`),
      context(`<${input.url}|Open the meeting in Bearing>`),
    ],
  };
}
