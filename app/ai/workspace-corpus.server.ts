import type { Database } from "../../db/database";
import type { WorkspaceCorpus } from "./workspace-corpus";

// Bounds that keep the corpus to a few hundred kilobytes on the largest workspaces: the agents
// pick the relevant part in the browser, and no model takes more than that in one prompt anyway.
const LIMITS = { initiatives: 400, risks: 300, roadmap: 300, transcripts: 40, personas: 50, competitors: 50 };
const TEXT = 600;
const TRANSCRIPT_TEXT = 6_000;

const clip = (text: string, length = TEXT) => (text.length > length ? `${text.slice(0, length)}…` : text);

/**
 * The workspace's product data as agents read it, most recently updated first. It goes from our
 * server to the browser only; prompts are built there, so nothing of a prompt comes back here.
 */
export async function loadWorkspaceCorpus(db: Database, workspaceId: string, slug: string): Promise<WorkspaceCorpus> {
  const [vision, personas, competitors, initiatives, roadmap, risks, transcripts] = await Promise.all([
    db
      .selectFrom("vision_versions")
      .select(["number", "statement", "mission", "target_customers", "principles", "north_star_metric"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom("personas")
      .select(["id", "name", "segment", "goals", "pains", "jobs_to_be_done"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("updated_at", "desc")
      .limit(LIMITS.personas)
      .execute(),
    db
      .selectFrom("competitors")
      .select(["id", "name", "positioning", "strengths", "weaknesses", "threat_level"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("updated_at", "desc")
      .limit(LIMITS.competitors)
      .execute(),
    db
      .selectFrom("initiatives")
      .select(["id", "title", "problem", "description", "status", "target_quarter", "reach", "impact", "confidence", "effort", "version"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("updated_at", "desc")
      .limit(LIMITS.initiatives)
      .execute(),
    db
      .selectFrom("roadmap_items")
      .select(["id", "title", "description", "lane", "initiative_id", "start_quarter", "end_quarter"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("lane")
      .orderBy("position")
      .limit(LIMITS.roadmap)
      .execute(),
    db
      .selectFrom("risks")
      .select(["id", "title", "description", "likelihood", "impact", "status", "mitigation"])
      .where("workspace_id", "=", workspaceId)
      .where("status", "!=", "closed")
      .orderBy("severity", "desc")
      .limit(LIMITS.risks)
      .execute(),
    db
      .selectFrom("transcripts")
      .select(["id", "title", "kind", "meeting_date", "attendees", "summary", "decisions", "content", "version"])
      .where("workspace_id", "=", workspaceId)
      .orderBy("updated_at", "desc")
      .limit(LIMITS.transcripts)
      .execute(),
  ]);
  const base = `/w/${slug}`;
  return {
    vision: vision
      ? {
          url: `${base}/vision`,
          number: vision.number,
          text: [vision.statement, vision.mission, vision.target_customers, vision.principles, vision.north_star_metric].filter(Boolean).join("\n\n"),
        }
      : null,
    personas: personas.map((p) => ({
      id: p.id,
      url: `${base}/personas/${p.id}`,
      title: p.name,
      text: clip([p.segment, p.goals && `Goals: ${p.goals}`, p.pains && `Pains: ${p.pains}`, p.jobs_to_be_done && `Jobs: ${p.jobs_to_be_done}`].filter(Boolean).join("\n")),
    })),
    competitors: competitors.map((c) => ({
      id: c.id,
      url: `${base}/competitors/${c.id}`,
      title: c.name,
      text: clip([c.positioning, c.strengths && `Strengths: ${c.strengths}`, c.weaknesses && `Weaknesses: ${c.weaknesses}`, `Threat: ${c.threat_level}`].filter(Boolean).join("\n")),
    })),
    initiatives: initiatives.map((i) => ({
      id: i.id,
      url: `${base}/initiatives/${i.id}`,
      title: i.title,
      status: i.status,
      version: i.version,
      rice: { reach: i.reach, impact: i.impact, confidence: i.confidence, effort: i.effort },
      text: clip([i.problem && `Problem: ${i.problem}`, i.description, i.target_quarter && `Target: ${i.target_quarter}`].filter(Boolean).join("\n")),
    })),
    roadmap: roadmap.map((r) => ({
      id: r.id,
      url: `${base}/roadmap/${r.id}`,
      title: r.title,
      lane: r.lane,
      initiativeId: r.initiative_id,
      text: clip([`Lane: ${r.lane}`, r.start_quarter && `From ${r.start_quarter}${r.end_quarter ? ` to ${r.end_quarter}` : ""}`, r.description].filter(Boolean).join("\n")),
    })),
    risks: risks.map((r) => ({
      id: r.id,
      url: `${base}/risks/${r.id}`,
      title: r.title,
      text: clip([`Likelihood ${r.likelihood}/5, impact ${r.impact}/5, ${r.status}`, r.description, r.mitigation && `Mitigation: ${r.mitigation}`].filter(Boolean).join("\n")),
    })),
    transcripts: transcripts.map((t) => ({
      id: t.id,
      url: `${base}/transcripts/${t.id}`,
      title: t.title,
      version: t.version,
      attendees: t.attendees,
      text: clip([t.kind === "note" ? "A note, not a meeting" : t.meeting_date && `Meeting on ${t.meeting_date}`, t.summary && `Summary: ${t.summary}`, t.decisions.length ? `Decisions: ${t.decisions.join("; ")}` : "", t.content].filter(Boolean).join("\n"), TRANSCRIPT_TEXT),
    })),
  };
}
