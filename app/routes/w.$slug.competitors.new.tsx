import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { CompetitorForm } from "~/modules/competitors/competitor-form";
import { createCompetitor } from "~/modules/competitors/competitors.server";
import { createCompetitorSchema } from "~/modules/competitors/schema";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New competitor · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const submission = parseWithZod(await request.formData(), { schema: createCompetitorSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const competitor = await createCompetitor(context.db, workspace.id, user.id, submission.value);
  throw redirect(`/w/${workspace.slug}/competitors/${competitor.id}`);
}

export default function NewCompetitorPage() {
  const { slug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <>
      <PageHeader title="New competitor" />
      <div className="p-4 sm:p-8">
        <CompetitorForm lastResult={lastResult} cancelTo={`/w/${slug}/competitors`} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
