import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { buttonClass } from "~/components/ui/button";
import { moveRoadmapItem } from "~/modules/roadmap/moves.server";
import { RoadmapBoard } from "~/modules/roadmap/roadmap-board";
import { RoadmapTabs } from "~/modules/roadmap/roadmap-tabs";
import { laneLimits, LANE_PAGE, listLanes, moreHref } from "~/modules/roadmap/bounded.server";
import { LANES, moveSchema } from "~/modules/roadmap/schema";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { AppError } from "~/services/errors.server";
import { rejected, staysOnPage } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "Roadmap · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const url = new URL(request.url);
  const limits = laneLimits(url);
  const { items, totals } = await listLanes(context.db, workspace.id, limits);
  const lanes = Object.fromEntries(
    LANES.map((lane) => [lane, { total: totals[lane], moreHref: moreHref(url, lane, limits[lane], totals[lane], LANE_PAGE) }]),
  ) as Record<(typeof LANES)[number], { total: number; moreHref: string | null }>;
  return {
    slug: workspace.slug,
    lanes,
    empty: LANES.every((lane) => totals[lane] === 0),
    items: items.map(({ id, title, description, lane, initiative_title, start_quarter, end_quarter }) => ({
      id,
      title,
      description,
      lane,
      initiative_title,
      start_quarter,
      end_quarter,
    })),
    canEdit: atLeast(role, "editor"),
  };
}

/**
 * Moves. A drag and drop posts `move` through a fetcher and gets JSON back; the Move buttons are plain
 * form posts (they work without JavaScript) and come back to the card they moved. An accepted AI lane
 * change posts `move-to-lane` like those buttons, with `_stay=1`: its fetcher gets data, errors included,
 * so the panel it came from stays open.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const formData = await request.formData();
  const stay = staysOnPage(formData);
  const submission = parseWithZod(formData, { schema: moveSchema });
  if (submission.status !== "success") {
    const refused = new AppError(400, "Unknown move", "This move could not be understood. Reload the roadmap and try again.");
    if (submission.payload.intent === "move") return data({ error: refused.message }, { status: 400 });
    if (stay) return rejected(submission.reply());
    throw refused;
  }
  const move = submission.value;
  try {
    const outcome = await moveRoadmapItem(context.db, workspace.id, user.id, move);
    if (move.intent === "move") return { outcome };
    if (stay) return { outcome, saved: { url: `/w/${workspace.slug}/roadmap#item-${move.id}` } };
  } catch (error) {
    // A drag and an AI panel show the refusal where they are; a plain form gets the error page.
    if (!(error instanceof AppError)) throw error;
    if (move.intent === "move") return data({ error: error.message }, { status: error.status });
    if (stay) return rejected(submission.reply({ fieldErrors: { item: [error.message] } }), error.status);
    throw error;
  }
  throw redirect(`/w/${workspace.slug}/roadmap${boardSearch(request)}#item-${move.id}`);
}

/** Back to the board as it was shown: its "Show more" counts are in the query string. */
function boardSearch(request: Request): string {
  const shown = new URLSearchParams();
  for (const [name, value] of new URL(request.url).searchParams) if ((LANES as ReadonlyArray<string>).includes(name)) shown.set(name, value);
  return shown.size ? `?${shown.toString()}` : "";
}

export default function RoadmapPage() {
  const { slug, items, lanes, empty, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Roadmap"
        description="What the team is building now, next and later."
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`/w/${slug}/roadmap.md`} className={buttonClass("secondary")} download>
              Export Markdown
            </a>
            <a href={`/w/${slug}/roadmap.csv`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {canEdit ? (
              <Link to={`/w/${slug}/roadmap/new`} className={buttonClass("primary")}>
                New item
              </Link>
            ) : null}
          </div>
        }
      />
      <RoadmapTabs slug={slug} canShare={canEdit} />
      <div className="p-4 sm:p-8 sm:pt-4">
        {empty ? (
          <EmptyState
            title="The roadmap is empty"
            action={
              canEdit ? (
                <Link to={`/w/${slug}/roadmap/new`} className={buttonClass("primary")}>
                  Add the first item
                </Link>
              ) : null
            }
          >
            Put what the team is building now, next and later in one place, and share it with anyone.
          </EmptyState>
        ) : (
          <RoadmapBoard slug={slug} items={items} lanes={lanes} canEdit={canEdit} />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
