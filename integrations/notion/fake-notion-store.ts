import { randomUUID } from "node:crypto";

/**
 * What the fake Notion holds: pages (with their block trees), databases and their data sources, and the
 * rows of those (pages whose parent is a data source). Shapes follow https://developers.notion.com/reference/page,
 * /block and /database.
 */

export interface FakeBlockInput {
  type: string;
  text?: string;
  /** Rich text as Notion sends it, when `text` (one plain run) is not enough. */
  richText?: { plain_text: string; href?: string | null; annotations?: Record<string, boolean> }[];
  checked?: boolean;
  language?: string;
  children?: FakeBlockInput[];
}

export interface FakeBlock {
  id: string;
  input: FakeBlockInput;
  children: FakeBlock[];
}

export interface FakePage {
  id: string;
  title: string;
  parent: { type: "workspace"; workspace: true } | { type: "page_id"; page_id: string } | { type: "data_source_id"; data_source_id: string; database_id: string };
  properties: Record<string, unknown>;
  blocks: FakeBlock[];
  createdAt: string;
  lastEditedAt: string;
}

export interface FakeDataSource {
  id: string;
  databaseId: string;
  title: string;
  parentPageId: string;
  properties: Record<string, unknown>;
}

export class FakeNotionStore {
  readonly pages = new Map<string, FakePage>();
  readonly dataSources = new Map<string, FakeDataSource>();
  readonly blocks = new Map<string, FakeBlock>();

  addPage(title: string, blocks: FakeBlockInput[] = [], parentPageId: string | null = null): FakePage {
    const now = new Date().toISOString();
    const page: FakePage = {
      id: randomUUID(),
      title,
      parent: parentPageId ? { type: "page_id", page_id: parentPageId } : { type: "workspace", workspace: true },
      properties: { title: { id: "title", type: "title", title: [plain(title)] } },
      blocks: [],
      createdAt: now,
      lastEditedAt: now,
    };
    page.blocks = blocks.map((block) => this.block(block));
    this.pages.set(page.id, page);
    return page;
  }

  /** The rows of a data source, in creation order. */
  rows(dataSourceId: string): FakePage[] {
    return [...this.pages.values()].filter((page) => page.parent.type === "data_source_id" && page.parent.data_source_id === dataSourceId);
  }

  private block(input: FakeBlockInput): FakeBlock {
    const block: FakeBlock = { id: randomUUID(), input, children: (input.children ?? []).map((child) => this.block(child)) };
    this.blocks.set(block.id, block);
    return block;
  }
}

export function plain(content: string) {
  return {
    type: "text",
    text: { content, link: null },
    annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: "default" },
    plain_text: content,
    href: null,
  };
}

export function pageJson(page: FakePage) {
  return {
    object: "page",
    id: page.id,
    created_time: page.createdAt,
    last_edited_time: page.lastEditedAt,
    archived: false,
    in_trash: false,
    parent: page.parent,
    properties: page.properties,
    url: `https://www.notion.so/${page.title.replace(/\W+/g, "-")}-${page.id.replace(/-/g, "")}`,
    public_url: null,
  };
}

export function blockJson(block: FakeBlock, parentId: string) {
  const { type, text, richText, checked, language } = block.input;
  const rich_text = richText?.map((part) => ({ ...plain(part.plain_text), href: part.href ?? null, annotations: { ...plain("").annotations, ...part.annotations } })) ?? (text === undefined ? [] : [plain(text)]);
  const content = type === "divider" ? {} : { rich_text, color: "default", ...(type === "to_do" ? { checked: Boolean(checked) } : {}), ...(type === "code" ? { language: language ?? "plain text" } : {}) };
  return {
    object: "block",
    id: block.id,
    parent: { type: "block_id", block_id: parentId },
    type,
    has_children: block.children.length > 0,
    archived: false,
    in_trash: false,
    [type]: content,
  };
}

/**
 * Notion's cursor pagination (https://developers.notion.com/reference/intro#pagination): `start_cursor` is an
 * opaque id (here: the id of the first result of the page asked for), `page_size` at most 100.
 */
export function paginate<T extends { id: string }>(items: T[], startCursor: unknown, pageSize: unknown) {
  const size = Math.min(Math.max(Number(pageSize ?? 100) || 100, 1), 100);
  const start = startCursor ? items.findIndex((item) => item.id === startCursor) : 0;
  if (start < 0) return null;
  const results = items.slice(start, start + size);
  const next = items[start + size];
  return { results, next_cursor: next ? next.id : null, has_more: Boolean(next) };
}
