import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { suggestedQuarters } from "~/modules/roadmap/quarters";
import { RoadmapItemForm } from "~/modules/roadmap/roadmap-item-form";
import { initiativeBelongsTo, listInitiativeOptions, requireRoadmapItem, updateRoadmapItem } from "~/modules/roadmap/roadmap.server";
import { LANE_LABELS, ROADMAP_ITEM_FIELDS, updateRoadmapItemSchema } from "~/modules/roadmap/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { rejected } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Edit roadmap item · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const item = await requireRoadmapItem(context.db, workspace.id, requireId(params.id, "This roadmap item"));
  return {
    slug: workspace.slug,
    item,
    initiatives: await listInitiativeOptions(context.db, workspace.id),
    quarters: suggestedQuarters(new Date()),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  // Another workspace's id answers 404 before the form is even read.
  const { id } = await requireRoadmapItem(context.db, workspace.id, requireId(params.id, "This roadmap item"));
  const submission = parseWithZod(await request.formData(), { schema: updateRoadmapItemSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  if (input.initiative_id && !(await initiativeBelongsTo(context.db, workspace.id, input.initiative_id))) {
    return rejected(submission.reply({ fieldErrors: { initiative_id: ["Choose an initiative from the list."] } }));
  }
  try {
    await updateRoadmapItem(context.db, workspace.id, user.id, id, version, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as Awaited<ReturnType<typeof requireRoadmapItem>>;
      const initiatives = new Map((await listInitiativeOptions(context.db, workspace.id)).map((i) => [i.id, i.title]));
      const raw = (source: Record<string, unknown>) => Object.fromEntries(ROADMAP_ITEM_FIELDS.map((f) => [f.name, String(source[f.name] ?? "")]));
      // Compared as people read them (lane names, initiative titles); resubmitted as the form's values.
      const readable = (source: typeof input) => ({
        ...raw(source),
        lane: LANE_LABELS[source.lane],
        initiative_id: source.initiative_id ? (initiatives.get(source.initiative_id) ?? "") : "",
      });
      const theirs = { ...current, initiative_id: current.initiative_id ?? undefined, start_quarter: current.start_quarter ?? undefined, end_quarter: current.end_quarter ?? undefined };
      return data({ conflict: { mine: readable(input), theirs: readable(theirs), version: current.version, resubmit: raw(input) } }, { status: 409 });
    }
    throw error;
  }
  throw redirect(`/w/${workspace.slug}/roadmap/${id}`);
}

export default function EditRoadmapItemPage() {
  const { slug, item, initiatives, quarters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/roadmap/${item.id}`;
  return (
    <>
      <PageHeader title={`Edit ${item.title}`} />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={[...ROADMAP_ITEM_FIELDS]} reloadTo={`${here}/edit`} />
        ) : (
          <RoadmapItemForm
            defaultValue={item}
            version={item.version}
            initiatives={initiatives}
            quarters={quarters}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
