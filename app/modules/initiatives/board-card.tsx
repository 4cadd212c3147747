import { Form, Link, useFetcher } from "@remix-run/react";
import type { HTMLAttributes } from "react";
import type { InitiativeStatus } from "../../../db/schema";
import { STATUS_OPTIONS } from "./schema";
import { ScoreWithFormula } from "./score-with-formula";
import type { Framework, ScoreValues } from "./scoring";

export interface BoardCardData extends ScoreValues {
  id: string;
  title: string;
  status: InitiativeStatus;
  version: number;
  owner_name: string | null;
}

export interface MoveAnswer {
  conflict?: { id: string; message: string };
}

/**
 * A card: title, owner, score, a drag handle, and the "Move to" form that does the same without
 * JavaScript or a pointer.
 */
export function BoardCard({
  card,
  framework,
  base,
  canEdit,
  handle,
}: {
  card: BoardCardData;
  framework: Framework;
  /** The initiatives' address, for the card's link. */
  base: string;
  canEdit: boolean;
  handle?: { ref: (element: HTMLElement | null) => void; props: HTMLAttributes<HTMLElement> };
}) {
  // A drag is posted through this card's own fetcher: its answer (a conflict) shows here.
  const dragged = useFetcher<MoveAnswer>({ key: `move-${card.id}` });
  const conflict = dragged.state === "idle" ? dragged.data?.conflict : undefined;
  return (
    <article className="rounded-lg border border-zinc-200 bg-white p-3 shadow-xs dark:border-zinc-700 dark:bg-zinc-900">
      <div className="flex items-start gap-2">
        <Link to={`${base}/${card.id}`} className="min-w-0 flex-1 text-sm leading-5 font-medium hover:text-accent-600 hover:underline dark:hover:text-accent-500">
          {card.title}
        </Link>
        {handle && canEdit ? (
          <button
            type="button"
            ref={handle.ref}
            {...handle.props}
            aria-label={`Drag ${card.title}`}
            className="-m-1 shrink-0 cursor-grab touch-none rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 active:cursor-grabbing dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
          >
            <svg viewBox="0 0 20 20" className="size-4" fill="currentColor" aria-hidden="true">
              <circle cx="7" cy="5" r="1.5" />
              <circle cx="13" cy="5" r="1.5" />
              <circle cx="7" cy="10" r="1.5" />
              <circle cx="13" cy="10" r="1.5" />
              <circle cx="7" cy="15" r="1.5" />
              <circle cx="13" cy="15" r="1.5" />
            </svg>
          </button>
        ) : null}
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{card.owner_name ?? "No owner"}</p>
      <div className="mt-1.5">
        <ScoreWithFormula framework={framework} values={card} compact />
      </div>
      {conflict ? (
        <p role="alert" className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {conflict.message}
        </p>
      ) : null}
      {canEdit ? <MoveForm card={card} /> : null}
    </article>
  );
}

function MoveForm({ card }: { card: BoardCardData }) {
  return (
      <Form method="post" className="mt-2 flex items-center gap-1.5 border-t border-zinc-100 pt-2 dark:border-zinc-800">
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="id" value={card.id} />
        <input type="hidden" name="version" value={card.version} />
        <label htmlFor={`move-${card.id}`} className="text-xs text-zinc-500 dark:text-zinc-400">
          Move to
        </label>
        <select
          id={`move-${card.id}`}
          name="status"
          defaultValue={card.status}
          key={`${card.status}-${card.version}`}
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-1.5 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
        >
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="rounded border border-zinc-300 px-2 py-0.5 text-xs font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          aria-label={`Move ${card.title}`}
        >
          Move
        </button>
      </Form>
  );
}
