import { formatQuarters } from "./quarters";

/** What a card shows under its title. Fields that are absent (hidden by a share link) show nothing. */
export interface CardDetails {
  description?: string;
  initiative?: string | null;
  start_quarter?: string | null;
  end_quarter?: string | null;
}

const chip = "inline-flex max-w-full items-center gap-1 rounded-md px-1.5 py-0.5 text-xs";

export function RoadmapCardDetails({ item }: { item: CardDetails }) {
  const quarters = formatQuarters(item.start_quarter, item.end_quarter);
  return (
    <>
      {quarters || item.initiative ? (
        <div className="mt-2 flex flex-wrap gap-1.5">
          {quarters ? (
            <span className={`${chip} bg-zinc-100 text-zinc-700 tabular-nums dark:bg-zinc-800 dark:text-zinc-300`}>
              <svg viewBox="0 0 16 16" className="size-3 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.5} aria-hidden="true">
                <rect x="2" y="3" width="12" height="11" rx="1.5" />
                <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
              </svg>
              <span className="sr-only">Quarters: </span>
              {quarters}
            </span>
          ) : null}
          {item.initiative ? (
            <span className={`${chip} bg-accent-50 text-accent-700 dark:bg-accent-600/20 dark:text-accent-50`}>
              <span className="sr-only">Initiative: </span>
              <span className="truncate">{item.initiative}</span>
            </span>
          ) : null}
        </div>
      ) : null}
      {item.description ? <p className="mt-2 line-clamp-3 text-sm whitespace-pre-line text-zinc-600 dark:text-zinc-400">{item.description}</p> : null}
    </>
  );
}
