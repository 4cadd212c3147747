import { Link } from "@remix-run/react";
import { buttonClass } from "~/components/ui/button";

/** Settings → Workspace: take the whole workspace away as one file, or bring one in. */
export function TransferSection({ slug, canExport }: { slug: string; canExport: boolean }) {
  return (
    <section aria-labelledby="transfer-title" className="border-t border-zinc-200 pt-6 dark:border-zinc-800">
      <h2 id="transfer-title" className="text-sm font-medium">
        Export and import
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        One JSON file with everything in this workspace — vision and its history, personas, competitors, initiatives, roadmap, risks and transcripts.
        Importing it creates a new workspace; share links and the activity log are not included.
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        {canExport ? (
          <a href={`/w/${slug}/export.json`} className={buttonClass("secondary")} download>
            Export workspace (JSON)
          </a>
        ) : (
          <p className="text-sm text-zinc-500">Only admins and owners can export the workspace.</p>
        )}
        <Link to="/w/import" className={buttonClass("ghost")}>
          Import a workspace…
        </Link>
      </div>
    </section>
  );
}
