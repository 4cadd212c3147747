import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/app-shell";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import type { MoveAnswer } from "~/modules/initiatives/board-card";
import { InitiativeBoard } from "~/modules/initiatives/initiative-board";
import { BOARD_COLUMN_LIMIT, listBoard } from "~/modules/initiatives/initiative-queries.server";
import { getPrioritization, moveInitiative } from "~/modules/initiatives/initiatives.server";
import { STATUS_LABELS, STATUSES } from "~/modules/initiatives/schema";
import { FRAMEWORKS } from "~/modules/initiatives/scoring";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Initiative board · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const framework = await getPrioritization(context.db, workspace.id);
  const board = await listBoard(context.db, workspace.id, framework);
  return { slug: workspace.slug, framework, ...board, canEdit: atLeast(role, "editor") };
}

/**
 * Moves a card to another status, over the version the card showed: a card someone else changed
 * in the meantime answers 409 and stays where it is. A drag (a fetcher) gets the answer as data;
 * the plain "Move to" form gets a redirect back to the board.
 */
const NOT_A_MOVE = "Choose one of the board’s statuses, from a board that is up to date.";
const moveIntent = z.object({
  intent: z.literal("move"),
  id: formText,
  status: z.enum(STATUSES, { error: NOT_A_MOVE }),
  version: z.coerce.number({ error: NOT_A_MOVE }).int(NOT_A_MOVE).min(1, NOT_A_MOVE),
  // A drag posts through a fetcher and stays on the board; the "Move to" form gets a redirect.
  via: formText,
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const move = parseIntent(await request.formData(), moveIntent, "The board can only move initiatives.");
  const id = requireId(move.id, "This initiative");
  try {
    await moveInitiative(context.db, workspace.id, user.id, id, move.version, move.status);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as { title: string; status: keyof typeof STATUS_LABELS };
      const message = `Someone else changed “${current.title}” first; it is in ${STATUS_LABELS[current.status]} now. Nothing was moved — look again and move it if you still want to.`;
      return data<MoveAnswer>({ conflict: { id, message } }, { status: 409 });
    }
    throw error;
  }
  if (move.via === "drag") return data<MoveAnswer>({});
  throw redirect(`/w/${workspace.slug}/initiatives/board`);
}

export default function InitiativeBoardPage() {
  const { slug, framework, cards, counts, canEdit } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const base = `/w/${slug}/initiatives`;
  return (
    <>
      <PageHeader
        title="Initiative board"
        description={`By status, best ${FRAMEWORKS[framework].name} score first.${canEdit ? " Drag a card, or use its Move to list." : ""}`}
        actions={
          <Link to={base} className={buttonClass("secondary")}>
            List
          </Link>
        }
      />
      <div className="space-y-4 p-4 sm:p-8">
        {answer?.conflict ? <Alert tone="warning">{answer.conflict.message}</Alert> : null}
        <InitiativeBoard cards={cards} counts={counts} framework={framework} listBase={base} columnLimit={BOARD_COLUMN_LIMIT} canEdit={canEdit} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
