import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { prepareNewTranscript } from "~/modules/transcripts/new-transcript.server";
import { TranscriptCreateForm } from "~/modules/transcripts/transcript-create-form";
import { createTranscript } from "~/modules/transcripts/transcripts.server";
import { readTranscriptForm } from "~/modules/transcripts/upload.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { rejected } from "~/services/forms.server";

export const meta: MetaFunction = () => [{ title: "New transcript · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  return { slug: workspace.slug };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const prepared = prepareNewTranscript(await readTranscriptForm(request));
  if (!prepared.ok) return rejected(prepared.result);
  const transcript = await createTranscript(context.db, workspace.id, user.id, prepared.value);
  throw redirect(`/w/${workspace.slug}/transcripts/${transcript.id}`);
}

export default function NewTranscriptPage() {
  const { slug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  return (
    <>
      <PageHeader title="New transcript" description="Paste a meeting transcript, or upload the captions your meeting tool exported." />
      <div className="p-4 sm:p-8">
        <TranscriptCreateForm lastResult={lastResult} cancelTo={`/w/${slug}/transcripts`} />
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
