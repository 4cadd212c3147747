import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { formatDateTime } from "~/components/dates";
import type { JobView } from "~/services/jobs/jobs.server";

// Kinds read "<provider>.<action>" ("jira.import", "notion.export-roadmap"); the action picks the words a person sees.
const ACTIONS: Record<string, { running: string; done: string; noun: string }> = {
  import: { running: "Importing…", done: "Imported", noun: "import" },
  sync: { running: "Syncing…", done: "Synced", noun: "sync" },
  export: { running: "Exporting…", done: "Exported", noun: "export" },
};
const OTHER = { running: "Working…", done: "Done:", noun: "job" };

// What a job counts, where it says: "Imported 12,000 issues".
const UNITS: Record<string, string> = {
  "jira.import": "issues",
  "jira.status-sync": "initiatives",
  "notion.import-page": "blocks",
  "notion.export-roadmap": "roadmap items",
  "slack.import-thread": "messages",
};

const count = (value: number) => value.toLocaleString("en-US");

function wordsFor(kind: string) {
  const [provider = kind, action = ""] = kind.split(".");
  return { provider, ...(action.split("-").map((word) => ACTIONS[word]).find(Boolean) ?? OTHER) };
}

function jobTitle(kind: string) {
  const { provider, noun } = wordsFor(kind);
  return `${provider.charAt(0).toUpperCase()}${provider.slice(1)} ${noun}`;
}

function summary(job: JobView) {
  const words = wordsFor(job.kind);
  const unit = UNITS[job.kind] ? ` ${UNITS[job.kind]}` : "";
  const of = job.total === null ? count(job.done) : `${count(job.done)} of ${count(job.total)}`;
  switch (job.status) {
    case "queued":
      return job.attempts === 0 ? "Waiting to start" : `Waiting to continue (${of}${unit} so far)`;
    case "running":
      return `${words.running} ${of}${unit}`;
    case "succeeded":
      return `${words.done} ${count(job.done)}${unit}`;
    case "failed":
      return `Stopped after ${job.attempts} ${job.attempts === 1 ? "attempt" : "attempts"} (${of}${unit} done)`;
    case "cancelled":
      return `Cancelled (${of}${unit} done)`;
  }
}

const active = (job: JobView) => job.status === "queued" || job.status === "running";

/**
 * A job's progress: "Importing… 1,234 of 5,000 issues" over a bar, its error and retries, and a link
 * to what it made. While the job is queued or running it asks `/w/:slug/jobs/:id` for news every
 * second; without JavaScript the page shows the state it was rendered with.
 */
function JobProgress({ slug, job: rendered }: { slug: string; job: JobView }) {
  const fetcher = useFetcher<JobView>();
  const job = fetcher.data ?? rendered;
  const polling = active(job);
  const { load, state } = fetcher;

  useEffect(() => {
    if (!polling || state !== "idle") return;
    const timer = setTimeout(() => load(`/w/${slug}/jobs/${job.id}`), 1000);
    return () => clearTimeout(timer);
  }, [polling, state, load, slug, job.id, job.done, job.status]);

  const labelId = `job-${job.id}-label`;
  return (
    <div className="space-y-1.5 text-sm">
      <p id={labelId} aria-live="polite">
        {summary(job)}
      </p>
      {job.status === "running" || job.status === "queued" ? (
        // A native <progress>: no inline style (the CSP allows none), and without a value it shows as indeterminate.
        <progress
          aria-labelledby={labelId}
          max={job.total ?? undefined}
          value={job.total === null ? undefined : job.done}
          className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 [&::-moz-progress-bar]:bg-sky-600 [&::-webkit-progress-bar]:bg-zinc-200 dark:[&::-webkit-progress-bar]:bg-zinc-800 [&::-webkit-progress-value]:bg-sky-600"
        />
      ) : null}
      {job.status === "succeeded" && job.result ? (
        <p>
          <Link className="font-medium underline" to={`/w/${slug}${job.result.path}`}>
            Open the {job.result.noun} “{job.result.title}”
          </Link>
        </p>
      ) : null}
      {job.lastError ? (
        <p className={job.status === "failed" ? "text-red-700 dark:text-red-300" : "text-amber-800 dark:text-amber-200"}>
          {job.status === "failed" ? "Last error: " : `Attempt ${job.attempts} failed and will be retried: `}
          {job.lastError}
        </p>
      ) : null}
    </div>
  );
}

/** The latest jobs of a workspace, for Settings → Integrations (loader: `listJobs(db, workspaceId)`). */
export function JobList({ slug, jobs }: { slug: string; jobs: JobView[] }) {
  return (
    <section aria-labelledby="integration-jobs" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <h2 id="integration-jobs" className="font-medium">
        Imports, syncs and exports
      </h2>
      {jobs.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500">Nothing has been imported, synced or exported yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
          {jobs.map((job) => (
            <li key={job.id} className="py-3">
              <p className="mb-1 flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-medium">{jobTitle(job.kind)}</span>
                <span className="text-zinc-500">started {formatDateTime(job.createdAt)}</span>
              </p>
              <JobProgress slug={slug} job={job} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
