import type { Announcements, DragCancelEvent, DragEndEvent, DragOverEvent, DragStartEvent, UniqueIdentifier } from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useEffect, useMemo, useRef, useState } from "react";
import { LANE_LABELS, LANES, type Lane } from "./schema";

export type Columns = Record<Lane, string[]>;

export interface MoveSubmission {
  id: string;
  lane: Lane;
  /** The card it now follows, "" at the top of the lane. */
  afterId: string;
  /** The card it now precedes, "" at the bottom of the lane. */
  beforeId: string;
}

const isLane = (id: UniqueIdentifier): id is Lane => (LANES as readonly UniqueIdentifier[]).includes(id);

function laneIn(columns: Columns, id: UniqueIdentifier): Lane | undefined {
  return isLane(id) ? id : LANES.find((lane) => columns[lane].includes(String(id)));
}

function placeOf(columns: Columns, id: string) {
  const lane = laneIn(columns, id);
  if (!lane) return undefined;
  const list = columns[lane];
  const index = list.indexOf(id);
  return { lane, index, count: list.length, afterId: list[index - 1] ?? "", beforeId: list[index + 1] ?? "" };
}

function describe(columns: Columns, id: string) {
  const place = placeOf(columns, id);
  return place ? `${LANE_LABELS[place.lane]}, position ${place.index + 1} of ${place.count}` : "its lane";
}

/**
 * Drag state of the board: cards move between lanes while dragging (so the lane under the pointer
 * opens a gap), the drop is reported once as a move naming its new neighbours, and a cancelled drag
 * puts everything back. Between drops the columns follow the server.
 */
export function useBoardDrag({ serverColumns, titleOf, onMove }: { serverColumns: Columns; titleOf: (id: UniqueIdentifier) => string; onMove: (move: MoveSubmission) => void }) {
  const [columns, setColumns] = useState(serverColumns);
  const [activeId, setActiveId] = useState<string | null>(null);
  const origin = useRef<Columns | null>(null);
  const current = useRef(columns);
  current.current = columns;
  const dropped = useRef("");

  useEffect(() => {
    if (!origin.current) setColumns(serverColumns);
  }, [serverColumns]);

  const handlers = {
    onDragStart({ active }: DragStartEvent) {
      origin.current = current.current;
      setActiveId(String(active.id));
    },
    onDragOver({ active, over }: DragOverEvent) {
      if (!over) return;
      const from = laneIn(current.current, active.id);
      const to = laneIn(current.current, over.id);
      if (!from || !to || from === to) return;
      setColumns((cols) => {
        const target = cols[to].filter((id) => id !== active.id);
        const overIndex = target.indexOf(String(over.id));
        const translated = active.rect.current.translated;
        const below = translated && translated.top > over.rect.top + over.rect.height / 2;
        const index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : target.length;
        target.splice(index, 0, String(active.id));
        return { ...cols, [from]: cols[from].filter((id) => id !== active.id), [to]: target };
      });
    },
    onDragEnd({ active, over }: DragEndEvent) {
      const id = String(active.id);
      const start = origin.current;
      origin.current = null;
      setActiveId(null);
      let next = current.current;
      const lane = laneIn(next, id);
      if (!over || !lane || !start) {
        if (start) setColumns(start);
        dropped.current = start ? describe(start, id) : "";
        return;
      }
      if (laneIn(next, over.id) === lane && !isLane(over.id)) {
        const from = next[lane].indexOf(id);
        const to = next[lane].indexOf(String(over.id));
        if (from !== to) next = { ...next, [lane]: arrayMove(next[lane], from, to) };
      }
      setColumns(next);
      dropped.current = describe(next, id);
      const before = placeOf(start, id);
      const after = placeOf(next, id);
      if (!after) return;
      const unchanged = before && before.lane === after.lane && before.afterId === after.afterId && before.beforeId === after.beforeId;
      if (!unchanged) onMove({ id, lane: after.lane, afterId: after.afterId, beforeId: after.beforeId });
    },
    onDragCancel({ active }: DragCancelEvent) {
      if (origin.current) {
        setColumns(origin.current);
        dropped.current = describe(origin.current, String(active.id));
      }
      origin.current = null;
      setActiveId(null);
    },
  };

  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. It is in ${describe(current.current, String(active.id))}.`,
      onDragOver: ({ active, over }) => {
        if (!over) return `${titleOf(active.id)} is no longer over a lane.`;
        if (isLane(over.id)) return `${titleOf(active.id)} is over the ${LANE_LABELS[over.id]} lane.`;
        if (over.id === active.id) return `${titleOf(active.id)} is in ${describe(current.current, String(active.id))}.`;
        const lane = laneIn(current.current, over.id);
        return `${titleOf(active.id)} is over ${titleOf(over.id)}${lane ? ` in ${LANE_LABELS[lane]}` : ""}.`;
      },
      onDragEnd: ({ active }) => `${titleOf(active.id)} was dropped in ${dropped.current}.`,
      onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled. It is back in ${dropped.current}.`,
    }),
    [titleOf],
  );

  return { columns, activeId, handlers, announcements };
}
