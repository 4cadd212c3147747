import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/app-shell";
import { formatDate } from "~/components/dates";
import { buttonClass } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { formatTimestamp } from "~/modules/transcripts/parse-captions";
import { FORMAT_LABELS, KIND_LABELS } from "~/modules/transcripts/schema";
import { listTranscripts } from "~/modules/transcripts/transcripts.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export const meta: MetaFunction = () => [{ title: "Transcripts · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const query = new URL(request.url).searchParams.get("q")?.trim() || undefined;
  const transcripts = await listTranscripts(context.db, workspace.id, { query });
  return { slug: workspace.slug, transcripts, query, canEdit: atLeast(role, "editor") };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export default function TranscriptsPage() {
  const { slug, transcripts, query, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/transcripts`;
  return (
    <>
      <PageHeader
        title="Transcripts"
        description="Meeting transcripts and notes, and the decisions and action items drawn from them."
        actions={
          <div className="flex gap-2">
            <a href={`${base}.csv${query ? `?q=${encodeURIComponent(query)}` : ""}`} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {canEdit ? (
              <Link to={`${base}/new`} className={buttonClass("primary")}>
                New transcript
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="space-y-4 p-4 sm:p-8">
        <Form method="get" role="search" className="max-w-sm">
          <label htmlFor="transcript-search" className="sr-only">
            Search transcripts
          </label>
          <input id="transcript-search" name="q" type="search" defaultValue={query} placeholder="Search transcripts" className={inputClass} />
        </Form>
        {transcripts.length === 0 ? (
          <EmptyState
            title={query ? `No transcript matches “${query}”` : "No transcripts yet"}
            action={
              canEdit && !query ? (
                <Link to={`${base}/new`} className={buttonClass("primary")}>
                  Add the first transcript
                </Link>
              ) : null
            }
          >
            Upload the captions of a meeting (.vtt, .srt) or paste its notes, then keep its decisions and action items next to it.
          </EmptyState>
        ) : (
          <ul className="max-w-4xl space-y-3">
            {transcripts.map((transcript) => (
              <li key={transcript.id}>
                <Link
                  to={`${base}/${transcript.id}`}
                  className="block rounded-xl border border-zinc-200 p-5 transition-colors hover:border-accent-500 dark:border-zinc-800"
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                    <p className="font-medium">{transcript.title}</p>
                    <p className="text-sm text-zinc-500">{transcript.meeting_date ? formatDate(transcript.meeting_date) : transcript.kind === "meeting" ? "No date" : null}</p>
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-500">
                    {[
                      transcript.kind === "note" ? KIND_LABELS.note : null,
                      FORMAT_LABELS[transcript.format],
                      transcript.duration ? formatTimestamp(transcript.duration) : null,
                      transcript.attendees.length ? transcript.attendees.join(", ") : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {transcript.preview ? <p className="mt-2 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{transcript.preview}</p> : null}
                  <p className="mt-3 flex gap-2 text-xs">
                    <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                      {plural(transcript.decisions_count, "decision")}
                    </span>
                    <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                      {plural(transcript.action_items_count, "action item")}
                    </span>
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
