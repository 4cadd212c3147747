import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/app-shell";
import { ActivityFeed } from "~/modules/activity/activity-feed";
import { NowLaneList, Panel, PanelEmpty, TopRiskList, TranscriptList } from "~/modules/dashboard/dashboard-panels";
import { loadDashboard } from "~/modules/dashboard/dashboard.server";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user, role } = await requireMembership(request, context, params.slug);
  const dashboard = await loadDashboard(context.db, workspace.id);
  return { workspace, firstName: user.name.split(" ")[0], canEdit: atLeast(role, "editor"), now: Date.now(), ...dashboard };
}

export default function Dashboard() {
  const { workspace, firstName, canEdit, now, nowLane, moreInNow, risks, transcripts, activity } = useLoaderData<typeof loader>();
  const base = `/w/${workspace.slug}`;
  const invite = (to: string, label: string) => (canEdit ? { to: `${base}/${to}`, label } : null);
  return (
    <>
      <PageHeader title={`Welcome, ${firstName}`} description={`What is happening in ${workspace.name}.`} />
      <div className="grid gap-4 p-4 sm:p-8 lg:grid-cols-2">
        <Panel title="Now on the roadmap" viewAll={{ to: `${base}/roadmap`, label: moreInNow ? "See the whole lane" : "Open the roadmap" }}>
          {nowLane.length ? (
            <NowLaneList slug={workspace.slug} items={nowLane} />
          ) : (
            <PanelEmpty action={invite("roadmap/new?lane=now", "Add an item to Now")}>
              Nothing is in the Now lane yet. Put what the team is working on this quarter there, and it shows up here.
            </PanelEmpty>
          )}
        </Panel>
        <Panel title="Top open risks" viewAll={{ to: `${base}/risks`, label: "Risk register" }}>
          {risks.length ? (
            <TopRiskList slug={workspace.slug} risks={risks} />
          ) : (
            <PanelEmpty action={invite("risks/new", "Log a risk")}>
              No open risks. Log what could go wrong — the five most severe appear here.
            </PanelEmpty>
          )}
        </Panel>
        <Panel title="Recent transcripts" viewAll={{ to: `${base}/transcripts`, label: "All transcripts" }}>
          {transcripts.length ? (
            <TranscriptList slug={workspace.slug} transcripts={transcripts} />
          ) : (
            <PanelEmpty action={invite("transcripts/new", "Add a transcript")}>
              No meetings yet. Paste or upload a transcript to keep its decisions and action items.
            </PanelEmpty>
          )}
        </Panel>
        <Panel title="Recent activity" viewAll={{ to: `${base}/settings/activity`, label: "All activity" }}>
          {activity.length ? (
            <ActivityFeed slug={workspace.slug} entries={activity} now={now} />
          ) : (
            <PanelEmpty action={invite("vision/edit", "Write the vision")}>
              Nothing has changed yet. Every change anyone makes is listed here — start with the product’s vision.
            </PanelEmpty>
          )}
        </Panel>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
