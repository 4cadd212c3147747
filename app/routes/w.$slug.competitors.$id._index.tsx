import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { CompetitorSnapshot } from "~/ai/agents/drafting/drafting-sources";
import { AiAction } from "~/ai/components/ai-action";
import { PageHeader } from "~/components/app-shell";
import { ConfirmDelete } from "~/components/confirm-delete";
import { buttonClass } from "~/components/ui/button";
import { deleteCompetitor, requireCompetitor } from "~/modules/competitors/competitors.server";
import { ThreatBadge } from "~/modules/competitors/threat-badge";
import { WebsiteLink } from "~/modules/competitors/website-link";
import { atLeast } from "~/modules/workspaces/roles";
import { requireMembership } from "~/modules/workspaces/workspaces.server";
import { requireId } from "~/services/errors.server";
import { deleteIntent, parseIntent } from "~/services/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.competitor.name} · Bearing` : "Competitor · Bearing" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, role } = await requireMembership(request, context, params.slug);
  const competitor = await requireCompetitor(context.db, workspace.id, requireId(params.id, "This competitor"));
  return { slug: workspace.slug, competitor, canEdit: atLeast(role, "editor") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireMembership(request, context, params.slug, "editor");
  // Another workspace's id answers 404 whatever the form says.
  const competitor = await requireCompetitor(context.db, workspace.id, requireId(params.id, "This competitor"));
  parseIntent(await request.formData(), deleteIntent, "This page only knows how to delete.");
  await deleteCompetitor(context.db, workspace.id, user.id, competitor.id);
  throw redirect(`/w/${workspace.slug}/competitors`);
}

function Section({ title, text, className = "" }: { title: string; text: string; className?: string }) {
  return (
    <section className={`rounded-xl border border-zinc-200 p-5 dark:border-zinc-800 ${className}`}>
      <h2 className="text-sm font-semibold">{title}</h2>
      <p className="mt-2 text-sm whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{text || <span className="text-zinc-400">—</span>}</p>
    </section>
  );
}

/** What the analysis builds on, and the version its accepted proposal saves over. */
function competitorSnapshot({ id, name, website, positioning, strengths, weaknesses, pricing_notes, threat_level, version }: CompetitorSnapshot): CompetitorSnapshot {
  return { id, name, website, positioning, strengths, weaknesses, pricing_notes, threat_level, version };
}

export default function CompetitorPage() {
  const { slug, competitor, canEdit } = useLoaderData<typeof loader>();
  const base = `/w/${slug}/competitors`;
  return (
    <>
      <PageHeader
        title={competitor.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ThreatBadge level={competitor.threat_level} />
            {competitor.website ? <WebsiteLink website={competitor.website} /> : null}
          </span>
        }
        actions={
          <div className="flex items-center gap-2">
            <Link to={`${base}/compare?ids=${competitor.id}`} className={buttonClass("ghost")}>
              Compare with others
            </Link>
            {canEdit ? (
              <>
                <AiAction
                  label="Analyse with AI"
                  load={() => import("~/ai/agents/drafting/competitor-analyst-panel.client")}
                  props={{ slug, competitor: competitorSnapshot(competitor) }}
                />
                <Link to="edit" className={buttonClass("secondary")}>
                  Edit
                </Link>
                <ConfirmDelete what={competitor.name} />
              </>
            ) : null}
          </div>
        }
      />
      <div className="max-w-4xl space-y-4 p-4 sm:p-8">
        {competitor.positioning ? <p className="text-lg leading-relaxed text-zinc-800 dark:text-zinc-200">{competitor.positioning}</p> : null}
        <div className="grid gap-4 md:grid-cols-2">
          <Section title="Strengths" text={competitor.strengths} />
          <Section title="Weaknesses" text={competitor.weaknesses} />
        </div>
        <Section title="Pricing notes" text={competitor.pricing_notes} />
        <p className="text-xs text-zinc-500">
          <Link to={base} className="hover:underline">
            ← All competitors
          </Link>
        </p>
      </div>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
