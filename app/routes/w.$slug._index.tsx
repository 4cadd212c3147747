import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug);
  return { workspace, firstName: user.name.split(" ")[0] };
}

const PANELS = [
  { title: "Now on the roadmap", empty: "Items in the roadmap's Now lane appear here.", to: "roadmap", cta: "Open the roadmap" },
  { title: "Top risks", empty: "The five most severe open risks appear here.", to: "risks", cta: "Open the risk register" },
  { title: "Recent transcripts", empty: "Meeting transcripts you add appear here.", to: "transcripts", cta: "Add a transcript" },
  { title: "Recent activity", empty: "Who changed what, and when.", to: "settings/activity", cta: "See all activity" },
];

export default function Dashboard() {
  const { workspace, firstName } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description={`What is happening in ${workspace.name}.`} />
      <div className="grid gap-4 p-4 sm:p-8 lg:grid-cols-2">
        {PANELS.map((panel) => (
          <section key={panel.title} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
            <h2 className="text-sm font-semibold">{panel.title}</h2>
            <p className="mt-6 mb-4 text-sm text-zinc-500 dark:text-zinc-400">{panel.empty}</p>
            <Link to={`/w/${workspace.slug}/${panel.to}`} className="text-sm font-medium text-accent-600 hover:underline dark:text-accent-500">
              {panel.cta} →
            </Link>
          </section>
        ))}
      </div>
    </>
  );
}
