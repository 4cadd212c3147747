import { isItemType, type ItemType } from "./item-links";

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityFilter {
  entityType?: ItemType;
  before?: number;
}

/** `?type=risk&before=1234` → a filter; anything malformed is left out rather than refused. */
export function readActivityFilter(url: URL): ActivityFilter {
  const type = url.searchParams.get("type");
  const before = url.searchParams.get("before");
  return {
    entityType: isItemType(type) ? type : undefined,
    before: before && /^\d{1,15}$/.test(before) && Number(before) > 0 ? Number(before) : undefined,
  };
}

export function activityQuery(filter: ActivityFilter): string {
  const params = new URLSearchParams();
  if (filter.entityType) params.set("type", filter.entityType);
  if (filter.before) params.set("before", String(filter.before));
  const text = params.toString();
  return text ? `?${text}` : "";
}
