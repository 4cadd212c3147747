import type { ActivitySubject } from "./activity.server";

export type ItemType = ActivitySubject["type"];

/** What each kind of item is called on screen, singular and plural. */
export const ITEM_LABELS: Record<ItemType, { one: string; many: string }> = {
  vision: { one: "Vision", many: "Vision" },
  persona: { one: "Persona", many: "Personas" },
  competitor: { one: "Competitor", many: "Competitors" },
  initiative: { one: "Initiative", many: "Initiatives" },
  roadmap_item: { one: "Roadmap item", many: "Roadmap items" },
  risk: { one: "Risk", many: "Risks" },
  transcript: { one: "Transcript", many: "Transcripts" },
  roadmap_share: { one: "Roadmap share link", many: "Roadmap share links" },
  workspace: { one: "Workspace", many: "Workspace" },
};

export const ITEM_TYPES = Object.keys(ITEM_LABELS) as ItemType[];

export function isItemType(value: string | null | undefined): value is ItemType {
  return !!value && Object.hasOwn(ITEM_LABELS, value);
}

// PRODUCT.md §8: each area's address; an item lives at /<area>/:id, the vision at /vision.
const AREA_PATHS: Partial<Record<ItemType, string>> = {
  persona: "personas",
  competitor: "competitors",
  initiative: "initiatives",
  roadmap_item: "roadmap",
  risk: "risks",
  transcript: "transcripts",
};

/** The page of one item, or null for kinds of item that have no page of their own. */
export function itemPath(slug: string, type: string, id: string): string | null {
  if (type === "vision") return `/w/${slug}/vision`;
  if (type === "workspace") return `/w/${slug}/settings/workspace`;
  const area = AREA_PATHS[type as ItemType];
  return area ? `/w/${slug}/${area}/${id}` : null;
}

export function itemLabel(type: string): string {
  return isItemType(type) ? ITEM_LABELS[type].one : type;
}
