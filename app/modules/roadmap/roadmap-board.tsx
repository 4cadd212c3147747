import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Link, useFetcher, useFetchers, useRevalidator, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { cardClass, RoadmapCardFace, SortableRoadmapCard, type BoardItem } from "./roadmap-card";
import { LANE_DESCRIPTIONS, LANE_LABELS, LANES, type Lane } from "./schema";
import { useBoardDrag, type Columns, type MoveSubmission } from "./use-board-drag";
import { useHydrated } from "~/components/use-hydrated";

const MOVE_FETCHER = "roadmap-move";

const SCREEN_READER_INSTRUCTIONS =
  "To pick up a roadmap item, press Space or Enter on its grip. Use the arrow keys to move it up, down, or to another lane. " +
  "Press Space or Enter again to drop it, or Escape to cancel. The Move buttons on each card do the same.";

function columnsOf(items: ReadonlyArray<BoardItem>): Columns {
  const columns: Columns = { now: [], next: [], later: [] };
  for (const item of items) columns[item.lane].push(item.id);
  return columns;
}

/** Per lane: how many items it holds (the board shows its first ones) and the link showing more. */
export type LaneSummaries = Record<Lane, { total: number; moreHref: string | null }>;

/**
 * The Now / Next / Later board. Every drop is one POST naming the item's new neighbours; each gets
 * its own fetcher so a quick second drag never cancels the first one's request.
 */
export function RoadmapBoard({ slug, items, lanes, canEdit }: { slug: string; items: ReadonlyArray<BoardItem>; lanes: LaneSummaries; canEdit: boolean }) {
  const hydrated = useHydrated();
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const serverColumns = useMemo(() => columnsOf(items), [items]);
  const titleOf = useCallback((id: UniqueIdentifier) => byId.get(String(id))?.title ?? "the item", [byId]);

  const submit = useSubmit();
  const [moveKey, setMoveKey] = useState(MOVE_FETCHER);
  const lastMove = useFetcher<{ error?: string }>({ key: moveKey });
  const saving = useFetchers().some((fetcher) => fetcher.key.startsWith(MOVE_FETCHER) && fetcher.state !== "idle");
  const revalidator = useRevalidator();
  const failed = lastMove.state === "idle" ? lastMove.data?.error : undefined;
  useEffect(() => {
    // Failed moves do not revalidate by themselves: fetch the board as it really is.
    if (failed) revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per failure, not per revalidator identity
  }, [failed]);

  const onMove = useCallback(
    (move: MoveSubmission) => {
      const key = `${MOVE_FETCHER}-${move.id}-${Date.now()}`;
      setMoveKey(key);
      submit({ intent: "move", ...move }, { method: "post", navigate: false, fetcherKey: key, preventScrollReset: true });
    },
    [submit],
  );

  const { columns, activeId, handlers, announcements } = useBoardDrag({ serverColumns, titleOf, onMove });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const active = activeId ? byId.get(activeId) : undefined;

  return (
    <div>
      <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-30">
        {saving ? (
          <p className="rounded-md bg-zinc-900 px-3 py-1.5 text-xs text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">Saving the new order…</p>
        ) : null}
      </div>
      {failed ? (
        <div className="mb-3">
          <Alert tone="error">{failed} The board shows the order as it is now.</Alert>
        </div>
      ) : null}
      <DndContext
        id="roadmap-board"
        sensors={sensors}
        collisionDetection={closestCorners}
        accessibility={{ announcements, screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }}
        {...handlers}
      >
        <div className="grid items-start gap-4 md:grid-cols-3">
          {LANES.map((lane) => (
            <LaneColumn key={lane} lane={lane} ids={columns[lane]} summary={lanes[lane]} byId={byId} slug={slug} canEdit={canEdit} draggable={hydrated} />
          ))}
        </div>
        <DragOverlay>{active ? <div className={`${cardClass} cursor-grabbing shadow-lg ring-2 ring-accent-500`}><RoadmapCardFace item={active} /></div> : null}</DragOverlay>
      </DndContext>
    </div>
  );
}

function LaneColumn({
  lane,
  ids,
  summary,
  byId,
  slug,
  canEdit,
  draggable,
}: {
  lane: Lane;
  ids: string[];
  summary: { total: number; moreHref: string | null };
  byId: Map<string, BoardItem>;
  slug: string;
  canEdit: boolean;
  draggable: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: lane });
  const headingId = `lane-${lane}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-xl border p-3 transition-colors ${
        isOver ? "border-accent-500 bg-accent-50/60 dark:bg-accent-600/10" : "border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/40"
      }`}
    >
      <header className="mb-3 flex items-center justify-between gap-2 px-1">
        <div>
          <h2 id={headingId} className="flex items-center gap-2 text-sm font-semibold">
            {LANE_LABELS[lane]}
            <span className="rounded-full bg-zinc-200 px-1.5 text-xs font-medium text-zinc-600 tabular-nums dark:bg-zinc-800 dark:text-zinc-400">{summary.total}</span>
          </h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{LANE_DESCRIPTIONS[lane]}</p>
        </div>
        {canEdit ? (
          <Link
            to={`/w/${slug}/roadmap/new?lane=${lane}`}
            className="rounded-md px-2 py-1 text-xs font-medium text-accent-600 hover:bg-accent-50 dark:text-accent-500 dark:hover:bg-accent-600/10"
          >
            + Add<span className="sr-only"> to {LANE_LABELS[lane]}</span>
          </Link>
        ) : null}
      </header>
      <SortableContext id={lane} items={ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="min-h-24 space-y-2">
          {ids.map((id, index) => {
            const item = byId.get(id);
            if (!item) return null;
            return (
              <SortableRoadmapCard
                key={id}
                item={item}
                lane={lane}
                index={index}
                count={ids.length}
                href={`/w/${slug}/roadmap/${id}`}
                canEdit={canEdit}
                draggable={draggable}
              />
            );
          })}
          {ids.length === 0 ? (
            <li className="rounded-lg border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700">
              {canEdit ? "Nothing here yet. Drop an item here or add one." : "Nothing here yet."}
            </li>
          ) : null}
        </ul>
      </SortableContext>
      {summary.moreHref ? (
        <p className="mt-3 flex items-center justify-between gap-2 px-1 text-xs text-zinc-500 dark:text-zinc-400">
          <span>
            Showing {ids.length} of {summary.total}
          </span>
          <Link to={summary.moreHref} preventScrollReset className="rounded-md px-2 py-1 font-medium text-accent-600 hover:bg-accent-50 dark:text-accent-500 dark:hover:bg-accent-600/10">
            Show more<span className="sr-only"> in {LANE_LABELS[lane]}</span>
          </Link>
        </p>
      ) : null}
    </section>
  );
}
