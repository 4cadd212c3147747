import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { suggestedQuarters } from "~/modules/roadmap/quarters";
import { RoadmapItemForm } from "~/modules/roadmap/roadmap-item-form";
import { createRoadmapItem, initiativeBelongsTo, listInitiativeOptions } from "~/modules/roadmap/roadmap.server";
import { createRoadmapItemSchema, LANES, type Lane } from "~/modules/roadmap/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New roadmap item · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const requested = new URL(request.url).searchParams.get("lane");
  const lane: Lane = LANES.find((l) => l === requested) ?? "now";
  return {
    slug: workspace.slug,
    lane,
    initiatives: await listInitiativeOptions(context.db, workspace.id),
    quarters: suggestedQuarters(new Date()),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const submission = parseWithZod(await request.formData(), { schema: createRoadmapItemSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const input = submission.value;
  if (input.initiative_id && !(await initiativeBelongsTo(context.db, workspace.id, input.initiative_id))) {
    return rejected(submission.reply({ fieldErrors: { initiative_id: ["Choose an initiative from the list."] } }));
  }
  const item = await createRoadmapItem(context.db, workspace.id, user.id, input);
  throw redirect(`/w/${workspace.slug}/roadmap/${item.id}`);
}

export default function NewRoadmapItemPage() {
  const { slug, lane, initiatives, quarters } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <>
      <PageHeader title="New roadmap item" description="It goes to the end of its lane; reorder it on the board." />
      <div className="p-4 sm:p-8">
        <RoadmapItemForm defaultValue={{ lane }} initiatives={initiatives} quarters={quarters} lastResult={lastResult} cancelTo={`/w/${slug}/roadmap`} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
