/** The kinds of item search reaches, in the order the type filter lists them. */
export const SEARCH_TYPES = ["vision", "initiative", "roadmap_item", "risk", "persona", "competitor", "transcript"] as const;

export type SearchType = (typeof SEARCH_TYPES)[number];

export function isSearchType(value: string | null | undefined): value is SearchType {
  return SEARCH_TYPES.includes(value as SearchType);
}
