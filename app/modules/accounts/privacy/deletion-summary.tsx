import { Link } from "@remix-run/react";
import type { DeletionSummary as Summary } from "./account-deletion.server";

type SummaryView = {
  deletedWorkspaces: Array<Omit<Summary["deletedWorkspaces"][number], "deletedAt"> & { deletedAt: Date | string | null }>;
  leftWorkspaces: Summary["leftWorkspaces"];
  counts: Summary["counts"];
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** What deleting the account removes, read from the database before the person is asked anything. */
export function DeletionSummary({ summary }: { summary: SummaryView }) {
  const going = summary.counts.filter((c) => c.fate === "deleted");
  const staying = summary.counts.filter((c) => c.fate === "unlinked");
  return (
    <div className="space-y-5 text-sm">
      <section aria-labelledby="goes-heading">
        <h2 id="goes-heading" className="font-medium">
          Deleted with your account
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
          <li>Your account: name, email, password, two-factor settings and AI endpoints.</li>
          {going.map((count) => (
            <li key={count.table}>
              {count.label}: {count.rows}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="owned-heading">
        <h2 id="owned-heading" className="font-medium">
          Workspaces where you are the only owner
        </h2>
        {summary.deletedWorkspaces.length === 0 ? (
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">None: no workspace is deleted with your account.</p>
        ) : (
          <>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">
              These are deleted with your account, at once and for good, with everything in them — for every member. Make someone else
              an owner first to keep one (its Settings → Members).
            </p>
            <ul className="mt-2 divide-y divide-zinc-200 rounded-lg border border-red-200 dark:divide-zinc-800 dark:border-red-900/60">
              {summary.deletedWorkspaces.map((workspace) => (
                <li key={workspace.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span>
                    <span className="font-medium">{workspace.name}</span> · {plural(workspace.members, "member")}
                    {workspace.deletedAt ? " · already deleted: purged now instead of after 30 days" : ""}
                  </span>
                  {workspace.deletedAt ? null : (
                    <Link to={`/w/${workspace.slug}/settings/members`} className="font-medium text-accent-700 underline dark:text-accent-400">
                      Make someone else an owner
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="left-heading">
        <h2 id="left-heading" className="font-medium">
          Workspaces you leave
        </h2>
        {summary.leftWorkspaces.length === 0 ? (
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">None.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
            {summary.leftWorkspaces.map((workspace) => (
              <li key={workspace.id}>
                {workspace.name} ({workspace.role})
              </li>
            ))}
          </ul>
        )}
        {staying.length ? (
          <>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">
              What you wrote there belongs to the workspace and stays, with your name removed from it:
            </p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
              {staying.map((count) => (
                <li key={count.table}>
                  {count.label}: {count.rows}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
