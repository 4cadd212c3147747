import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { RoadmapCardDetails } from "./roadmap-card-details";
import { LANE_LABELS, LANES, type Lane } from "./schema";

export interface BoardItem {
  id: string;
  title: string;
  description: string;
  lane: Lane;
  initiative_title: string | null;
  start_quarter: string | null;
  end_quarter: string | null;
}

export const cardClass = "rounded-lg border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-800 dark:bg-zinc-900";

/** A card's face: used on the board, in the drag overlay, and nowhere else. */
export function RoadmapCardFace({ item, href, handle, titleId }: { item: BoardItem; href?: string; handle?: ReactNode; titleId?: string }) {
  return (
    <div className="flex items-start gap-1.5">
      {handle}
      <div className="min-w-0 flex-1">
        <p id={titleId} className="font-medium break-words">
          {href ? (
            <Link to={href} className="hover:text-accent-600 hover:underline dark:hover:text-accent-500">
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </p>
        <RoadmapCardDetails item={{ ...item, initiative: item.initiative_title }} />
      </div>
    </div>
  );
}

function GripIcon() {
  return (
    <svg viewBox="0 0 16 16" className="size-4" fill="currentColor" aria-hidden="true">
      {[3, 8, 13].flatMap((y) => [5.5, 10.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" />))}
    </svg>
  );
}

/**
 * A card in a lane. With JavaScript its grip drags it (mouse, touch or keyboard); without, and for
 * anyone who prefers buttons, "Move up", "Move down" and "Move to …" are plain form posts.
 */
export function SortableRoadmapCard({
  item,
  lane,
  index,
  count,
  href,
  canEdit,
  draggable,
}: {
  item: BoardItem;
  lane: Lane;
  index: number;
  count: number;
  href: string;
  canEdit: boolean;
  draggable: boolean;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !canEdit || !draggable,
  });
  const style = transform || transition ? { transform: CSS.Translate.toString(transform), transition } : undefined;
  const titleId = `item-${item.id}-title`;
  const handle =
    canEdit && draggable ? (
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Drag ${item.title}`}
        className="-ml-1 mt-0.5 cursor-grab touch-none rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 active:cursor-grabbing dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
      >
        <GripIcon />
      </button>
    ) : null;
  return (
    <li ref={setNodeRef} style={style} id={`item-${item.id}`} className={`group scroll-mt-24 ${cardClass} ${isDragging ? "opacity-40" : ""}`}>
      <RoadmapCardFace item={item} href={href} handle={handle} titleId={titleId} />
      {canEdit ? <MoveControls id={item.id} lane={lane} index={index} count={count} describedBy={titleId} /> : null}
    </li>
  );
}

const moveButton =
  "inline-flex items-center rounded px-2 py-1.5 text-xs sm:px-1.5 sm:py-1 font-medium text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-30 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

function MoveButton({ intent, id, lane, disabled, describedBy, children }: { intent: string; id: string; lane: Lane; disabled?: boolean; describedBy: string; children: ReactNode }) {
  return (
    <Form method="post" preventScrollReset className="contents">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="lane" value={lane} />
      <button type="submit" className={moveButton} disabled={disabled} aria-describedby={describedBy}>
        {children}
      </button>
    </Form>
  );
}

function Arrow({ up }: { up?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={up ? "M8 13V3M4 7l4-4 4 4" : "M8 3v10M4 9l4 4 4-4"} />
    </svg>
  );
}

/** Always there, quietly: the way to reorder without a mouse, without JavaScript, or on a phone. */
function MoveControls({ id, lane, index, count, describedBy }: { id: string; lane: Lane; index: number; count: number; describedBy: string }) {
  return (
    <div className="mt-2 -mb-1.5 flex flex-wrap items-center gap-0.5 border-t border-zinc-100 pt-1 dark:border-zinc-800">
      <MoveButton intent="move-up" id={id} lane={lane} disabled={index === 0} describedBy={describedBy}>
        <Arrow up />
        <span className="sr-only">Move up</span>
      </MoveButton>
      <MoveButton intent="move-down" id={id} lane={lane} disabled={index === count - 1} describedBy={describedBy}>
        <Arrow />
        <span className="sr-only">Move down</span>
      </MoveButton>
      <span aria-hidden="true" className="ml-auto pr-0.5 text-xs text-zinc-500">
        Move to
      </span>
      {LANES.filter((other) => other !== lane).map((other) => (
        <MoveButton key={other} intent="move-to-lane" id={id} lane={other} describedBy={describedBy}>
          <span className="sr-only">Move to </span>
          {LANE_LABELS[other]}
        </MoveButton>
      ))}
    </div>
  );
}
