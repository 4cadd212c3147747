import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ConflictNotice } from "~/components/conflict-notice";
import { TRANSCRIPT_EDIT_FIELDS, updateTranscriptSchema, type UpdateTranscriptInput } from "~/modules/transcripts/schema";
import { TranscriptEditForm } from "~/modules/transcripts/transcript-edit-form";
import { requireTranscript, updateTranscript, type Transcript } from "~/modules/transcripts/transcripts.server";
import { readSmallForm } from "~/modules/transcripts/upload.server";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { rejected, saved } from "~/services/forms.server";
import { ConflictError } from "~/services/versioning.server";

export const meta: MetaFunction = () => [{ title: "Edit transcript · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireMembership(request, context, params.slug, "editor");
  const transcript = await requireTranscript(context.db, workspace.id, requireId(params.id, "This transcript"));
  return {
    slug: workspace.slug,
    id: transcript.id,
    version: transcript.version,
    transcript: {
      title: transcript.title,
      kind: transcript.kind,
      meeting_date: transcript.meeting_date,
      attendees: transcript.attendees,
      summary: transcript.summary,
      decisions: transcript.decisions,
      action_items: transcript.action_items.map((item) => ({
        id: item.id,
        text: item.text,
        owner: item.owner,
        converted: Boolean(item.initiative_id || item.risk_id),
      })),
    },
  };
}

type ConflictSide = Pick<UpdateTranscriptInput, "title" | "meeting_date" | "attendees" | "summary" | "decisions"> & {
  action_items: ReadonlyArray<{ id?: string; text: string; owner: string | null }>;
};

/**
 * One side of a conflict, as the conflict view shows it and as its "save mine" form posts it back:
 * the action items travel as the edit form's row fields, and once more as readable lines.
 */
function conflictSide(side: ConflictSide): Record<string, string> {
  const fields: Record<string, string> = {
    title: side.title,
    meeting_date: side.meeting_date ?? "",
    attendees: side.attendees.join(", "),
    summary: side.summary,
    decisions: side.decisions.join("\n"),
    action_items_text: side.action_items.map((item) => (item.owner ? `${item.text} — ${item.owner}` : item.text)).join("\n"),
  };
  side.action_items.forEach((item, index) => {
    fields[`action_items[${index}].id`] = item.id ?? "";
    fields[`action_items[${index}].text`] = item.text;
    fields[`action_items[${index}].owner`] = item.owner ?? "";
  });
  return fields;
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This transcript");
  await requireTranscript(context.db, workspace.id, id);
  const form = await readSmallForm(request);
  const submission = parseWithZod(form, { schema: updateTranscriptSchema });
  if (submission.status !== "success") return rejected(submission.reply());
  const { version, ...input } = submission.value;
  try {
    await updateTranscript(context.db, workspace.id, user.id, id, version, input);
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = error.current as Transcript;
      const mine = conflictSide(input);
      const theirs = conflictSide(current);
      return data({ conflict: { mine, theirs, version: current.version } }, { status: 409 });
    }
    throw error;
  }
  const here = `/w/${workspace.slug}/transcripts/${id}`;
  // The AI summariser saves accepted notes one by one from the transcript page, and stays there.
  return saved(form, here);
}

export default function EditTranscriptPage() {
  const { slug, id, version, transcript } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/w/${slug}/transcripts/${id}`;
  return (
    <>
      <PageHeader title={`Edit ${transcript.title}`} description="The transcript itself stays as it was recorded; these are the notes around it." />
      <div className="space-y-6 p-4 sm:p-8">
        {actionData && "conflict" in actionData ? (
          <ConflictNotice conflict={actionData.conflict} fields={[...TRANSCRIPT_EDIT_FIELDS]} reloadTo={`${here}/edit`} />
        ) : (
          <TranscriptEditForm
            transcript={transcript}
            version={version}
            lastResult={actionData && "result" in actionData ? actionData.result : undefined}
            cancelTo={here}
          />
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
