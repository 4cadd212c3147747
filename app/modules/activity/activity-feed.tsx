import { Link } from "@remix-run/react";
import { Time } from "~/components/dates";
import { itemLabel, itemPath } from "./item-links";

export interface ActivityEntry {
  id: number;
  action: "created" | "updated" | "deleted" | "restored";
  entity_type: string;
  entity_id: string;
  entity_title: string;
  created_at: Date | string;
  actor_name: string | null;
  item_exists: boolean;
}

const ACTION_DOTS: Record<ActivityEntry["action"], string> = {
  created: "bg-emerald-500",
  updated: "bg-sky-500",
  deleted: "bg-zinc-400 dark:bg-zinc-600",
  restored: "bg-amber-500",
};

/** The item an event is about: a link while the item exists, its last known title once it is gone. */
function ItemName({ slug, entry }: { slug: string; entry: ActivityEntry }) {
  const title = entry.entity_title || "(untitled)";
  const path = itemPath(slug, entry.entity_type, entry.entity_id);
  // The workspace itself always exists while its log is being read.
  const exists = entry.item_exists || entry.entity_type === "workspace";
  if (!path || !exists) {
    return (
      <>
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{title}</span>
        {path && entry.action !== "deleted" ? <span className="text-zinc-400 dark:text-zinc-500"> (since deleted)</span> : null}
      </>
    );
  }
  return (
    <Link to={path} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline dark:text-zinc-100 dark:hover:text-accent-500">
      {title}
    </Link>
  );
}

/** Who changed what, when: one line per event, newest first. */
export function ActivityFeed({ slug, entries, now }: { slug: string; entries: ReadonlyArray<ActivityEntry>; now: number }) {
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
      {entries.map((entry) => (
        <li key={entry.id} className="flex items-start gap-3 py-2.5 text-sm">
          <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${ACTION_DOTS[entry.action]}`} />
          <p className="min-w-0 flex-1 text-zinc-600 dark:text-zinc-400">
            <span className="text-zinc-900 dark:text-zinc-100">{entry.actor_name ?? "A former member"}</span> {entry.action}{" "}
            {itemLabel(entry.entity_type).toLowerCase()} <ItemName slug={slug} entry={entry} />
          </p>
          <Time value={entry.created_at} show="time-ago" now={now} className="shrink-0 text-xs whitespace-nowrap text-zinc-500 tabular-nums" />
        </li>
      ))}
    </ol>
  );
}
