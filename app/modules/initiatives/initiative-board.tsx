import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from "@dnd-kit/core";
import { Link, useFetchers, useSubmit } from "@remix-run/react";
import { useState } from "react";
import type { InitiativeStatus } from "../../../db/schema";
import { BoardCard, type BoardCardData } from "./board-card";
import { STATUS_LABELS, STATUSES } from "./schema";
import type { Framework } from "./scoring";

interface DragData {
  title: string;
  status: InitiativeStatus;
}

const statusAt = (id: unknown) => STATUSES.find((status) => status === id);

/**
 * Arrow keys jump a picked-up card to the next or previous column (dnd-kit's default moves it by
 * 25 px, which takes a dozen presses to cross a column).
 */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context: { active, over, droppableRects, collisionRect } }) => {
  const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
  if (!step || !active || !collisionRect) return undefined;
  event.preventDefault();
  const from = statusAt(over?.id) ?? (active.data.current as DragData | undefined)?.status ?? "idea";
  const target = STATUSES[STATUSES.indexOf(from) + step];
  const rect = target ? droppableRects.get(target) : undefined;
  if (!rect) return undefined;
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: Math.max(collisionRect.top, rect.top) };
};

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${(active.data.current as DragData).title}, in ${STATUS_LABELS[(active.data.current as DragData).status]}.`,
  onDragOver: ({ active, over }) => {
    const status = statusAt(over?.id);
    return status ? `${(active.data.current as DragData).title} is over ${STATUS_LABELS[status]}.` : `${(active.data.current as DragData).title} is over no column.`;
  },
  onDragEnd: ({ active, over }) => {
    const { title, status } = active.data.current as DragData;
    const target = statusAt(over?.id);
    return target && target !== status ? `${title} moved to ${STATUS_LABELS[target]}.` : `${title} stays in ${STATUS_LABELS[status]}.`;
  },
  onDragCancel: ({ active }) => `Moving ${(active.data.current as DragData).title} was cancelled. It stays in ${STATUS_LABELS[(active.data.current as DragData).status]}.`,
};

const screenReaderInstructions = {
  draggable:
    "To move this initiative to another status, press Space or Enter to pick it up, the left and right arrow keys to choose a column, then Space or Enter to drop it, or Escape to cancel. Each card also has a Move to list.",
};

export function InitiativeBoard({ cards, counts, framework, listBase, columnLimit, canEdit }: {
  cards: readonly BoardCardData[];
  canEdit: boolean;
  counts: Partial<Record<string, number>>;
  framework: Framework;
  listBase: string;
  columnLimit: number;
}) {
  const submit = useSubmit();
  const [dragging, setDragging] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );
  // Moves still on their way to the server already show in their new column.
  const pending = new Map<string, InitiativeStatus>();
  for (const fetcher of useFetchers()) {
    const id = fetcher.formData?.get("id");
    const status = statusAt(fetcher.formData?.get("status"));
    if (fetcher.key.startsWith("move-") && typeof id === "string" && status) pending.set(id, status);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(null);
    const target = statusAt(over?.id);
    const card = cards.find((c) => c.id === active.id);
    if (!card || !target || target === (pending.get(card.id) ?? card.status)) return;
    submit(
      { intent: "move", id: card.id, version: String(card.version), status: target, via: "drag" },
      { method: "post", navigate: false, fetcherKey: `move-${card.id}` },
    );
  }

  return (
    <DndContext
      id="initiative-board"
      sensors={sensors}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={({ active }) => setDragging(String(active.id))}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
    >
      {/* Full-bleed, so the columns that do not fit run to the window's edge and scroll. */}
      <div className="-mx-4 flex gap-3 overflow-x-auto px-4 pb-4 sm:-mx-8 sm:px-8">
        {STATUSES.map((status) => {
          const column = cards.filter((card) => (pending.get(card.id) ?? card.status) === status);
          const total = counts[status] ?? 0;
          return (
            <BoardColumn key={status} status={status} count={total}>
              {column.length === 0 ? <p className="px-1 py-6 text-center text-xs text-zinc-400 dark:text-zinc-500">No initiatives</p> : null}
              {column.map((card) => (
                canEdit ? (
                  <DraggableCard key={card.id} card={card} framework={framework} base={listBase} dimmed={dragging === card.id} />
                ) : (
                  <BoardCard key={card.id} card={card} framework={framework} base={listBase} canEdit={false} />
                )
              ))}
              {total > columnLimit ? (
                <Link to={`${listBase}?status=${status}`} className="block px-1 text-xs text-zinc-500 hover:underline dark:text-zinc-400">
                  Showing the top {columnLimit} of {total.toLocaleString("en")} — see them all in the list
                </Link>
              ) : null}
            </BoardColumn>
          );
        })}
      </div>
    </DndContext>
  );
}

function BoardColumn({ status, count, children }: { status: InitiativeStatus; count: number; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={`column-${status}`}
      className={`flex w-64 shrink-0 flex-col gap-2 rounded-xl border p-2 transition-colors ${
        isOver ? "border-accent-500 bg-accent-50 dark:bg-zinc-800" : "border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60"
      }`}
    >
      <h2 id={`column-${status}`} className="flex items-center justify-between px-1 py-1 text-sm font-semibold">
        {STATUS_LABELS[status]}
        <span className="rounded-full bg-zinc-200 px-2 text-xs font-medium text-zinc-700 tabular-nums dark:bg-zinc-800 dark:text-zinc-300">{count}</span>
      </h2>
      {children}
    </section>
  );
}

function DraggableCard({ card, framework, base, dimmed }: { card: BoardCardData; framework: Framework; base: string; dimmed: boolean }) {
  const data: DragData = { title: card.title, status: card.status };
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, transform, isDragging } = useDraggable({ id: card.id, data });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <div ref={setNodeRef} style={style} className={isDragging ? "relative z-10 shadow-lg" : dimmed ? "opacity-60" : undefined}>
      <BoardCard card={card} framework={framework} base={base} canEdit handle={{ ref: setActivatorNodeRef, props: { ...attributes, ...listeners } }} />
    </div>
  );
}
