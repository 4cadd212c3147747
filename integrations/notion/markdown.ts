/**
 * Notion blocks (https://developers.notion.com/reference/block) as Markdown: the block types a meeting
 * page is written in. Other types (images, embeds, tables…) are left out rather than guessed at.
 */

export interface RichText {
  plain_text: string;
  href?: string | null;
  annotations?: { bold?: boolean; italic?: boolean; code?: boolean; strikethrough?: boolean };
}

export interface NotionBlock {
  id: string;
  type: string;
  has_children?: boolean;
  /** Filled in by the client after fetching `/v1/blocks/{id}/children`. */
  children?: NotionBlock[];
  [type: string]: unknown;
}

interface TextContent {
  rich_text?: RichText[];
  checked?: boolean;
  language?: string;
}

function richTextToMarkdown(parts: RichText[] | undefined): string {
  return (parts ?? [])
    .map((part) => {
      let text = part.plain_text;
      if (!text) return "";
      if (part.annotations?.code) text = `\`${text}\``;
      if (part.annotations?.bold) text = `**${text}**`;
      if (part.annotations?.italic) text = `*${text}*`;
      if (part.annotations?.strikethrough) text = `~~${text}~~`;
      return part.href ? `[${text}](${part.href})` : text;
    })
    .join("");
}

export function blocksToMarkdown(blocks: NotionBlock[]): string {
  return lines(blocks, "").join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

function lines(blocks: NotionBlock[], indent: string): string[] {
  const out: string[] = [];
  let number = 0;
  for (const block of blocks) {
    number = block.type === "numbered_list_item" ? number + 1 : 0;
    const content = (block[block.type] ?? {}) as TextContent;
    const line = lineFor(block.type, richTextToMarkdown(content.rich_text), content, number);
    if (line === null) continue;
    // List items nest their children one level in; other blocks' children (a toggle's, a heading's) follow them.
    const isListItem = ["bulleted_list_item", "numbered_list_item", "to_do"].includes(block.type);
    // A paragraph straight after a list item would read as part of it: a blank line ends the list.
    if (!isListItem && out.length > 0 && out[out.length - 1] !== "") out.push("");
    out.push(...line.split("\n").map((part) => `${indent}${part}`));
    if (!isListItem) out.push("");
    if (block.children?.length) out.push(...lines(block.children, isListItem ? `${indent}  ` : indent));
  }
  return out;
}

function lineFor(type: string, text: string, content: TextContent, number: number): string | null {
  switch (type) {
    case "paragraph":
      return text;
    case "heading_1":
      return `# ${text}`;
    case "heading_2":
      return `## ${text}`;
    case "heading_3":
      return `### ${text}`;
    case "bulleted_list_item":
      return `- ${text}`;
    case "numbered_list_item":
      return `${number}. ${text}`;
    case "to_do":
      return `- [${content.checked ? "x" : " "}] ${text}`;
    case "quote":
      return `> ${text}`;
    case "code":
      return `\`\`\`${content.language ?? ""}\n${(content.rich_text ?? []).map((part) => part.plain_text).join("")}\n\`\`\``;
    case "divider":
      return "---";
    default:
      return null;
  }
}
