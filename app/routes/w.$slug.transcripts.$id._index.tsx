import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { AiAction } from "~/ai/components/ai-action";
import { PageHeader } from "~/components/app-shell";
import { EditDeleteActions } from "~/components/confirm-delete";
import { formatDate } from "~/components/dates";
import { convertActionItem, existingConversions } from "~/modules/transcripts/action-item-conversion.server";
import { MeetingNotes } from "~/modules/transcripts/meeting-notes";
import { formatTimestamp, speakersOf } from "~/modules/transcripts/parse-captions";
import { FORMAT_LABELS, KIND_LABELS } from "~/modules/transcripts/schema";
import { speakerColours } from "~/modules/transcripts/speaker-colours";
import { TranscriptBody } from "~/modules/transcripts/transcript-body";
import { deleteTranscript, requireTranscript } from "~/modules/transcripts/transcripts.server";
import { readSmallForm } from "~/modules/transcripts/upload.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { formText, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.transcript.title} · Bearing` : "Transcript · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const transcript = await requireTranscript(context.db, workspace.id, requireId(params.id, "This transcript"));
  const alive = await existingConversions(context.db, workspace.id, transcript.action_items);
  const actionItems = transcript.action_items.map((item) => ({
    id: item.id,
    text: item.text,
    owner: item.owner,
    quote: item.quote,
    // An initiative or risk deleted since is forgotten here, so the item can be converted again.
    initiativeId: item.initiative_id && alive.initiatives.has(item.initiative_id) ? item.initiative_id : null,
    riskId: item.risk_id && alive.risks.has(item.risk_id) ? item.risk_id : null,
  }));
  // Caption files are shown from their segments: the raw file need not travel to the page as well.
  const content = transcript.segments ? "" : transcript.content;
  return { slug: workspace.slug, transcript: { ...transcript, content, action_items: undefined }, actionItems, canEdit: atLeast(role, "editor") };
}

const transcriptPageIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.enum(["convert-initiative", "convert-risk"]), actionItemId: formText }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  const id = requireId(params.id, "This transcript");
  await requireTranscript(context.db, workspace.id, id);
  const form = await readSmallForm(request, 16 * 1024);
  const submitted = parseIntent(form, transcriptPageIntents, "This page knows how to delete a transcript and to turn an action item into an initiative or a risk.");
  if (submitted.intent === "delete") {
    await deleteTranscript(context.db, workspace.id, user.id, id);
    throw redirect(`/w/${workspace.slug}/transcripts`);
  }
  const target = submitted.intent === "convert-initiative" ? "initiative" : "risk";
  const converted = await convertActionItem(context.db, workspace.id, user.id, id, submitted.actionItemId, target);
  throw redirect(`/w/${workspace.slug}/${target === "initiative" ? "initiatives" : "risks"}/${converted.id}`);
}

/**
 * The AI summariser saves into this transcript from the page; when the version check refuses a
 * save (409), the page still reloads its notes, so the next accept adds to what is there now.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

export default function TranscriptPage() {
  const { slug, transcript, actionItems, canEdit } = useLoaderData<typeof loader>();
  const segments = transcript.segments;
  const speakers = segments ? speakersOf(segments) : [];
  const colourOf = speakerColours([...speakers, ...transcript.attendees]);
  const duration = segments?.at(-1)?.end;
  const facts = [
    transcript.kind === "note" ? KIND_LABELS.note : null,
    transcript.meeting_date ? formatDate(transcript.meeting_date) : null,
    FORMAT_LABELS[transcript.format],
    duration ? formatTimestamp(duration) : null,
    speakers.length ? `${speakers.length} speaker${speakers.length === 1 ? "" : "s"}` : null,
  ].filter(Boolean);
  return (
    <>
      <PageHeader
        title={transcript.title}
        description={facts.join(" · ")}
        actions={
          canEdit ? (
            <div className="flex flex-wrap items-center gap-2">
              <AiAction
                label="Summarise with AI"
                load={() => import("~/ai/agents/transcript-summariser-panel.client")}
                props={{
                  slug,
                  transcript: {
                    id: transcript.id,
                    title: transcript.title,
                    meetingDate: transcript.meeting_date,
                    attendees: transcript.attendees,
                    content: transcript.content,
                    segments,
                  },
                  notes: {
                    version: transcript.version,
                    title: transcript.title,
                    meetingDate: transcript.meeting_date,
                    attendees: transcript.attendees,
                    summary: transcript.summary,
                    decisions: transcript.decisions,
                    actionItems,
                  },
                }}
              />
              <EditDeleteActions what={transcript.title} />
            </div>
          ) : null
        }
      />
      <div className="grid gap-8 p-4 sm:p-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <aside aria-label="Meeting notes" className="lg:order-2">
          <MeetingNotes
              slug={slug}
              attendees={transcript.attendees}
              summary={transcript.summary}
              decisions={transcript.decisions}
              actionItems={actionItems}
              canEdit={canEdit}
              colourOf={colourOf}
            />
        </aside>
        <section aria-label="Transcript" className="max-w-3xl min-w-0 lg:order-1">
          <TranscriptBody format={transcript.format} content={transcript.content} segments={segments} colourOf={colourOf} />
          <p className="mt-8 text-xs text-zinc-500">
            <Link to={`/w/${slug}/transcripts`} className="hover:underline">
              ← All transcripts
            </Link>
          </p>
        </section>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
