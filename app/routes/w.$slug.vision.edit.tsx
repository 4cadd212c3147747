import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { saveVisionSchema, VISION_FIELDS } from "~/modules/vision/schema";
import { getCurrentVision, saveVision, type VisionVersion } from "~/modules/vision/vision.server";
import { VisionForm } from "~/modules/vision/vision-form";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { rejected, saved, submittedSource } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Edit vision · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const vision = await getCurrentVision(context.db, workspace.id);
  return { slug: workspace.slug, vision };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: saveVisionSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  try {
    await saveVision(context.db, workspace.id, user.id, version, input, submittedSource(formData));
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as VisionVersion;
      const pick = (source: Record<string, unknown>) => Object.fromEntries(VISION_FIELDS.map((f) => [f.name, String(source[f.name] ?? "")]));
      return data({ conflict: { mine: pick(input), theirs: pick(current), version: current.number } }, { status: 409 });
    }
    throw error;
  }
  return saved(formData, `/w/${workspace.slug}/vision`);
}

export default function EditVisionPage() {
  const { slug, vision } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/vision`;
  return (
    <>
      <PageHeader
        title={vision ? "Edit the vision" : "Write the vision"}
        description={vision ? `You are editing version ${vision.number}. Saving keeps it in the history and adds version ${vision.number + 1}.` : undefined}
      />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={[...VISION_FIELDS]} reloadTo={`${here}/edit`} />
        ) : (
          <VisionForm
            defaultValue={vision}
            basedOn={vision?.number ?? 0}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
