import { formatDate } from "../../components/dates";
import { formatQuarters } from "./quarters";
import { groupByLane, type RoadmapItem } from "./roadmap.server";
import { LANE_DESCRIPTIONS, LANE_LABELS, LANES } from "./schema";

// Characters that would start emphasis, links, headings, HTML or tables if left as they are.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+!|~]/g;

/** Inline text that reads the same in any Markdown renderer: what people typed, never markup. */
function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, "\\$&");
}

/** A line of its own: a leading "1.", "-" or "=" would also start a list or underline a heading. */
function escapeMarkdownLine(line: string): string {
  return escapeMarkdown(line).replace(/^(\s*)(\d+)\./, "$1$2\\.").replace(/^(\s*)([-=])/, "$1\\$2");
}

/** The roadmap as a Markdown document: a heading per lane, a bullet per item. */
export function roadmapMarkdown(workspaceName: string, items: ReadonlyArray<RoadmapItem>, exportedAt: Date): string {
  const lanes = groupByLane(items);
  const lines = [`# ${escapeMarkdown(workspaceName)} roadmap`, "", `_Exported ${formatDate(exportedAt)}_`];
  for (const lane of LANES) {
    lines.push("", `## ${LANE_LABELS[lane]} — ${LANE_DESCRIPTIONS[lane].toLowerCase()}`, "");
    if (lanes[lane].length === 0) lines.push("_Nothing planned yet._");
    for (const item of lanes[lane]) {
      const details = [
        formatQuarters(item.start_quarter, item.end_quarter),
        item.initiative_title ? `initiative: ${escapeMarkdown(item.initiative_title)}` : null,
      ].filter(Boolean);
      lines.push(`- **${escapeMarkdown(item.title)}**${details.length ? ` (${details.join("; ")})` : ""}`);
      const description = item.description.trim();
      if (description) lines.push(...description.split(/\r?\n/).map((line) => (line.trim() ? `  ${escapeMarkdownLine(line)}` : "")));
    }
  }
  return `${lines.join("\n")}\n`;
}
